using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Profiles;
using Recur.Core.Project;

namespace Recur.Serving.Safeguards.Internal;

/// <summary>A category never seen in training (outside the model's categories) fires.</summary>
internal sealed class DomainGuard : IInputGuard
{
    public string Kind => "domain";

    public bool CanClamp => false;

    public InputRule? Learn(FeatureSpec feature, ColumnProfile? profile, InputGuardConfig settings, SafeguardAction action)
    {
        // The model's own categorical contract: free text (no categories) is not guarded.
        if (feature.Type is not ColumnType.Text || feature.Categories is not { Count: > 0 } known) return null;
        return new DomainRule(feature.Name, action, known);
    }
}

/// <summary>The categories one input took in training.</summary>
internal sealed class DomainRule(string column, SafeguardAction action, IReadOnlyList<string> categories) : InputRule("domain", column, action)
{
    private readonly HashSet<string> _known = new(categories, StringComparer.Ordinal);

    public IReadOnlyList<string> Categories { get; } = categories;

    public override string Learned => $"{Categories.Count} categories";

    public override bool Fires(DataTable features, int row, out string problem)
    {
        var value = ((TextColumn)features[Column]).Values[row];
        var fires = value is not null && !_known.Contains(value);
        problem = fires ? $"'{value}' was never seen in training ({Learned}: {string.Join(", ", Categories.Take(10))}{(Categories.Count > 10 ? ", …" : "")})" : "";
        return fires;
    }
}
