using System.Globalization;
using System.Text.Json;

namespace Recur.Training.Documents;

/// <summary>One compared item: its section, its name, its value in A and in B, and B − A when both are numbers.</summary>
/// <param name="Section">inputs, transforms, trainer, metrics, lineage, environment or structure.</param>
/// <param name="Item">What is compared.</param>
/// <param name="A">Its value in A (null: absent).</param>
/// <param name="B">Its value in B (null: absent).</param>
/// <param name="Delta">B − A for numbers.</param>
/// <param name="Change">same, changed, added (only in B) or removed (only in A).</param>
public sealed record DiffRow(string Section, string Item, string? A, string? B, double? Delta, string Change);

/// <summary>
/// Two versions side by side (<c>recur models diff A B</c>): every metric with its delta, and whatever differs in the
/// contract, transforms, trainer, lineage, environment and, for tree models, the structure; plus a few summary lines.
/// </summary>
/// <param name="A">The first version.</param>
/// <param name="B">The second version.</param>
/// <param name="Rows">The compared items: all metrics, and only the differing items of the other sections.</param>
/// <param name="Summary">The differences in a few sentences.</param>
public sealed record ModelDiff(int A, int B, IReadOnlyList<DiffRow> Rows, IReadOnlyList<string> Summary)
{
    /// <summary>The sections, in the order rows come.</summary>
    public static IReadOnlyList<string> Sections { get; } = ["inputs", "transforms", "trainer", "metrics", "lineage", "environment", "structure"];

    /// <summary>Compares two documents.</summary>
    public static ModelDiff Of(ModelDocument a, ModelDocument b)
    {
        var rows = new List<DiffRow>();
        Compare(rows, "inputs", a.Inputs.ToDictionary(i => i.Name, Describe), b.Inputs.ToDictionary(i => i.Name, Describe), onlyDifferent: true);
        Compare(rows, "inputs", Map(("task", a.Task), ("label", a.Label), ("classes", string.Join(",", a.Classes))),
            Map(("task", b.Task), ("label", b.Label), ("classes", string.Join(",", b.Classes))), onlyDifferent: true);
        Compare(rows, "transforms", Map(("chain", Text(a.Transforms)), ("learned_features", string.Join(",", a.LearnedFeatures))),
            Map(("chain", Text(b.Transforms)), ("learned_features", string.Join(",", b.LearnedFeatures))), onlyDifferent: true);
        Compare(rows, "trainer", Trainer(a.Trainer), Trainer(b.Trainer), onlyDifferent: true);
        Compare(rows, "metrics", a.Metrics.ToDictionary(m => m.Key, m => (string?)Number(m.Value)), b.Metrics.ToDictionary(m => m.Key, m => (string?)Number(m.Value)), onlyDifferent: false);
        Compare(rows, "lineage", Lineage(a.Lineage), Lineage(b.Lineage), onlyDifferent: true);
        Compare(rows, "environment", Environment(a.Lineage), Environment(b.Lineage), onlyDifferent: true);
        Compare(rows, "structure", Structure(a.Structure), Structure(b.Structure), onlyDifferent: true);
        return new ModelDiff(a.Version, b.Version, rows, Summarise(a, b, rows));
    }

    private static Dictionary<string, string?> Map(params (string Key, string? Value)[] items) => items.ToDictionary(i => i.Key, i => i.Value);

    private static string? Describe(DocumentInput i) =>
        $"{i.Type}{(i.Nullable ? "?" : "")}" + (i.Categories is { } c ? $" [{string.Join(",", c)}]" : "");

    private static string? Text(JsonElement? e) => e is { } v ? JsonSerializer.Serialize(v) : null;

    private static Dictionary<string, string?> Trainer(DocumentTrainer t)
    {
        var map = t.Parameters.ToDictionary(p => "params." + p.Key, p => (string?)p.Value);
        map["name"] = t.Name;
        map["seed"] = t.Seed.ToString(CultureInfo.InvariantCulture);
        map["training_rows"] = t.TrainingRows.ToString(CultureInfo.InvariantCulture);
        return map;
    }

    private static Dictionary<string, string?> Lineage(DocumentLineage l) => Map(
        ("snapshots", string.Join(",", l.Snapshots)), ("config_hash", l.ConfigHash), ("code_version", l.CodeVersion), ("reference_profile", l.ReferenceProfile));

    private static Dictionary<string, string?> Environment(DocumentLineage l)
    {
        if (l.Environment is not { } e) return [];
        var map = e.Packages.ToDictionary(p => "package." + p.Key, p => (string?)p.Value);
        map["runtime"] = e.Runtime;
        map["os"] = e.Os;
        map["architecture"] = e.Architecture;
        return map;
    }

    private static Dictionary<string, string?> Structure(DocumentStructure s)
    {
        var map = Map(("kind", s.Kind), ("trees", s.TreeCount?.ToString(CultureInfo.InvariantCulture)), ("leaves", s.LeafCount?.ToString(CultureInfo.InvariantCulture)));
        foreach (var (feature, n) in s.SplitsByFeature ?? []) map["splits." + feature] = n.ToString(CultureInfo.InvariantCulture);
        foreach (var output in s.Linear ?? [])
        {
            map[$"bias.{output.Output}"] = Number(output.Bias);
            foreach (var (feature, w) in output.Weights) map[$"weight.{output.Output}.{feature}"] = Number(w);
        }
        return map;
    }

    private static string Short(string? number) =>
        double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v.ToString("0.####", CultureInfo.InvariantCulture) : number ?? "-";

    private static string Number(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static void Compare(List<DiffRow> rows, string section, Dictionary<string, string?> a, Dictionary<string, string?> b, bool onlyDifferent)
    {
        foreach (var key in a.Keys.Union(b.Keys).Order(StringComparer.Ordinal))
        {
            var (x, y) = (a.GetValueOrDefault(key), b.GetValueOrDefault(key));
            var change = x == y ? "same" : x is null ? "added" : y is null ? "removed" : "changed";
            if (onlyDifferent && change == "same") continue;
            double? delta = double.TryParse(x, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) && double.TryParse(y, NumberStyles.Float, CultureInfo.InvariantCulture, out var q)
                ? q - p : null;
            rows.Add(new DiffRow(section, key, x, y, delta, change));
        }
    }

    private static List<string> Summarise(ModelDocument a, ModelDocument b, List<DiffRow> rows)
    {
        var summary = new List<string>();
        var different = rows.Where(r => r.Change != "same").ToList();
        foreach (var section in Sections.Where(s => s != "metrics"))
        {
            var n = different.Count(r => r.Section == section && !r.Item.StartsWith("splits.", StringComparison.Ordinal) && !r.Item.StartsWith("weight.", StringComparison.Ordinal));
            if (n > 0) summary.Add($"{section}: {n} difference(s): {string.Join(", ", different.Where(r => r.Section == section).Select(r => r.Item).Take(6))}");
        }
        if (a.Structure.SplitsByFeature is { } sa && b.Structure.SplitsByFeature is { } sb)
        {
            var gained = sb.Keys.Except(sa.Keys).ToList();
            var lost = sa.Keys.Except(sb.Keys).ToList();
            var top = (SortedDictionary<string, int> s) => string.Join(", ", s.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(3).Select(p => $"{p.Key} {p.Value}"));
            summary.Add($"structure: {a.Structure.TreeCount} → {b.Structure.TreeCount} trees, {a.Structure.LeafCount} → {b.Structure.LeafCount} leaves; most splits A: {top(sa)}; B: {top(sb)}"
                + (gained.Count > 0 ? $"; features newly split on: {string.Join(", ", gained)}" : "")
                + (lost.Count > 0 ? $"; features no longer split on: {string.Join(", ", lost)}" : ""));
        }
        var metrics = rows.Where(r => r.Section == "metrics" && r.Delta is { } d && d != 0 && !r.Item.Contains('_', StringComparison.Ordinal)).ToList();
        summary.Add(metrics.Count == 0 ? "metrics: the headline metrics are equal"
            : "metrics: " + string.Join(", ", metrics.Select(r => $"{r.Item} {Short(r.A)} → {Short(r.B)} ({r.Delta!.Value.ToString("+0.####;-0.####;0", CultureInfo.InvariantCulture)})")));
        if (different.Count == 0 && a.ArtifactSha256 == b.ArtifactSha256) summary.Add("the two versions are the same model file");
        return summary;
    }
}
