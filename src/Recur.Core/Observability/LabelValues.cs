namespace Recur.Core.Observability;

/// <summary>The values of a series' labels, in the order of its family's label names (unused places null).</summary>
internal readonly record struct LabelValues(string First, string? Second, string? Third)
{
    /// <summary>The value at a place.</summary>
    public string? this[int index] => index switch { 0 => First, 1 => Second, _ => Third };

    /// <inheritdoc />
    public override string ToString() => $"{First}\u0001{Second}\u0001{Third}";
}
