using System.Globalization;
using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Training;
using Recur.Training.Composition;
using Recur.Training.Trainers;

namespace Recur.Pipeline.Framing.Cascade;

/// <summary>
/// A cascade routed by a declared segment: the value of <c>framing.cascade.segment</c> picks the branch
/// (<c>branches</c>, else <c>default</c>); each branch is the declared trainer fitted on its own training rows only.
/// </summary>
internal static class SegmentCascade
{
    /// <summary>
    /// Before any fitting: the column is a model input, every value in the data has a branch, and every branch has
    /// enough rows (and two classes). Errors name the key and the value.
    /// </summary>
    public static void Check(CascadeConfig cascade, FeaturePlan plan, DataTable data)
    {
        var column = cascade.Segment!;
        if (!data.Has(column))
        {
            throw RecurException.Invalid($"framing.cascade.segment: column '{column}' is not in the data (columns: {string.Join(", ", data.Columns.Select(c => c.Name))})", "framing.cascade.segment");
        }
        if (column == plan.Label) throw RecurException.Invalid($"framing.cascade.segment: '{column}' is the label; a router cannot read the answer", "framing.cascade.segment");
        if (!plan.Features.Any(f => f.Name == column))
        {
            throw RecurException.Invalid($"framing.cascade.segment: column '{column}' is not a model input (excluded or not a feature), so a served row would not carry it", "framing.cascade.segment");
        }
        var values = data[column];
        var unrouted = Enumerable.Range(0, data.RowCount).Select(values.Format)
            .Where(v => v is null || !cascade.Branches.ContainsKey(v)).GroupBy(v => v ?? "").ToList();
        if (cascade.Default is null && unrouted.Count > 0)
        {
            var first = unrouted.OrderByDescending(g => g.Count()).First();
            var value = first.First() is null ? "a missing value" : $"value '{first.Key}'";
            throw RecurException.Invalid(
                $"framing.cascade.branches: {value} of segment '{column}' ({first.Count().ToString(CultureInfo.InvariantCulture)} rows) has no branch and there is no framing.cascade.default" +
                (unrouted.Count > 1 ? $" ({unrouted.Count} such values: {string.Join(", ", unrouted.Select(g => g.Key.Length == 0 ? "(missing)" : g.Key).Take(8))})" : ""),
                "framing.cascade.branches");
        }
        var route = Route(cascade, values, data.RowCount);
        foreach (var (branch, rows) in Groups(route))
        {
            CascadeFraming.CheckRows(plan, data.Take(rows), branch, cascade.MinRows, KeyOf(cascade, branch), "labelled");
        }
    }

    public static FramedCandidate Fit(FramingContext context, TrainerChoice choice, TrainedModel general)
    {
        var cascade = context.Config.Framing.Cascade;
        var column = cascade.Segment!;
        var train = context.Train;
        var members = new List<ComposedMember>();
        var sizes = new List<string>();
        foreach (var (branch, rows) in Groups(Route(cascade, train[column], train.RowCount)))
        {
            var part = train.Take(rows);
            CascadeFraming.CheckRows(context.Plan, part, branch, cascade.MinRows, KeyOf(cascade, branch), "training");
            members.Add(new ComposedMember(CascadeSpec.MemberOf(branch), ModelFitter.Fit(context.Config.Name, part, context.Plan, choice, context.Threads, context.Threshold, context.Seed, context.Chain)));
            sizes.Add($"{branch} {rows.Length.ToString(CultureInfo.InvariantCulture)} rows");
        }
        var spec = new CascadeSpec
        {
            Router = CascadeSpec.SegmentRouter,
            Column = column,
            Branches = new SortedDictionary<string, string>(cascade.Branches, StringComparer.Ordinal),
            Default = cascade.Default,
        };
        var routing = new Dictionary<string, string>
        {
            ["router"] = CascadeSpec.SegmentRouter,
            ["segment"] = column,
            ["branches"] = string.Join(",", spec.Branches.Select(p => $"{p.Key}={p.Value}")),
        };
        if (cascade.Default is { } fallback) routing["default"] = fallback;
        var model = CascadeFraming.Compose(CascadeFraming.Manifest(general, choice, routing, train.RowCount), members, spec);
        return new FramedCandidate(CascadeFraming.FramingName, model,
            $"cascade on segment '{column}': {members.Count} branches ({string.Join(", ", sizes)}), each a {choice.Trainer.Name} fitted on its own rows");
    }

    // The branch of every row; a value without a branch goes to the default (Check refuses it when there is none).
    private static string[] Route(CascadeConfig cascade, DataColumn values, int rows)
    {
        var route = new string[rows];
        for (var r = 0; r < rows; r++)
        {
            var value = values.Format(r);
            route[r] = value is not null && cascade.Branches.TryGetValue(value, out var branch) ? branch
                : cascade.Default ?? throw RecurException.Invalid($"framing.cascade.branches: value '{value ?? "(missing)"}' of segment '{cascade.Segment}' has no branch and there is no framing.cascade.default", "framing.cascade.branches");
        }
        return route;
    }

    private static IEnumerable<(string Branch, int[] Rows)> Groups(string[] route) =>
        Enumerable.Range(0, route.Length).GroupBy(r => route[r], StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.ToArray()));

    // The key that declares a branch: its first value under branches, else default.
    private static string KeyOf(CascadeConfig cascade, string branch) =>
        cascade.Branches.Where(p => p.Value == branch).Select(p => $"framing.cascade.branches.{p.Key}").FirstOrDefault() ?? "framing.cascade.default";
}
