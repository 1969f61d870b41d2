using System.Globalization;

namespace Recur.Core.Observability;

/// <summary>A named metric with its help text, its Prometheus type and its label names; writes itself as exposition text.</summary>
public abstract class MetricFamily
{
    private readonly string[] _labels;

    /// <summary>A family; at most three label names.</summary>
    protected MetricFamily(string name, string help, string type, string[] labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Length > 3) throw new ArgumentException($"metric '{name}' has {labels.Length} labels; at most 3", nameof(labels));
        (Name, Help, Type, _labels) = (name, help, type, labels);
    }

    /// <summary>The metric's name, e.g. <c>recur_requests_total</c>.</summary>
    public string Name { get; }

    /// <summary>The one-line help text.</summary>
    public string Help { get; }

    /// <summary>The Prometheus type: counter, gauge or histogram.</summary>
    public string Type { get; }

    /// <summary>The label names.</summary>
    public IReadOnlyList<string> Labels => _labels;

    /// <summary>Writes the family in the Prometheus text format (version 0.0.4): HELP, TYPE, then its samples.</summary>
    public void WriteTo(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write("# HELP "); writer.Write(Name); writer.Write(' '); writer.Write(Help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal)); writer.Write('\n');
        writer.Write("# TYPE "); writer.Write(Name); writer.Write(' '); writer.Write(Type); writer.Write('\n');
        WriteSamples(writer);
    }

    /// <summary>Writes the samples (no HELP/TYPE lines).</summary>
    protected abstract void WriteSamples(TextWriter writer);

    /// <summary>Writes one sample line: the name, the labels (and <c>le</c> for a bucket), the value.</summary>
    private protected void WriteSample(TextWriter writer, string name, LabelValues labels, string? le, double value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(name);
        if (_labels.Length > 0 || le is not null)
        {
            writer.Write('{');
            var first = true;
            for (var i = 0; i < _labels.Length; i++) WriteLabel(writer, _labels[i], labels[i] ?? "", ref first);
            if (le is not null) WriteLabel(writer, "le", le, ref first);
            writer.Write('}');
        }
        writer.Write(' ');
        writer.Write(Format(value));
        writer.Write('\n');
    }

    /// <summary>A sample value as Prometheus writes it (+Inf, -Inf, NaN, else the shortest round-trip form).</summary>
    protected static string Format(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private static void WriteLabel(TextWriter writer, string name, string value, ref bool first)
    {
        if (!first) writer.Write(',');
        first = false;
        writer.Write(name);
        writer.Write("=\"");
        // The text format escapes backslash, double quote and line feed in label values.
        writer.Write(value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal));
        writer.Write('"');
    }
}
