using System.Globalization;
using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Features.Embeddings;
using Recur.Features.Transforms;

namespace Recur.Features;

/// <summary>A fitted chain (null when the model reads its inputs as they are) and the decisions worth telling the user.</summary>
/// <param name="Chain">The chain, or null for none.</param>
/// <param name="Notes">Plain-word notes on defaults chosen from the data, for the train report.</param>
public sealed record FittedFeatures(FeatureChain? Chain, IReadOnlyList<string> Notes)
{
    /// <summary>The chain's outputs on the training rows, computed while fitting (fit and transform at once); null without a chain.</summary>
    public DataTable? Features { get; init; }
}

/// <summary>
/// Fits recur.yaml's <c>features:</c> on the training split: the declared transforms in order, then a default for
/// every input no declared transform reads, by its role (declared in <c>features.roles</c> or inferred by
/// <see cref="ColumnRoles"/>): free text gets TF-IDF, a date/time text its parts, a categorical text with more than
/// <c>max_categories</c> distinct values a hashed feature, a numeric column declared categorical a vocabulary.
/// Errors name the recur.yaml key they come from.
/// </summary>
public static class FeatureEngineering
{
    /// <summary>The role names <c>features.roles</c> accepts.</summary>
    public static readonly IReadOnlyList<string> RoleNames = ["numeric", "categorical", "text", "datetime", "key", "ignore"];

    /// <summary>
    /// Fits the chain on the training rows of the plan's inputs; <paramref name="embeddings"/> is where an <c>embed</c>
    /// step finds its artifact (none: such a step is an error naming its key).
    /// </summary>
    public static FittedFeatures Fit(FeaturesConfig config, FeaturePlan plan, DataTable train, TransformCatalog? catalog = null, IEmbeddingSource? embeddings = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(train);
        catalog ??= TransformCatalog.Standard;
        var chain = new Builder(plan, train);
        var declared = new HashSet<string>(StringComparer.Ordinal);
        var ahead = FitIndependentSteps(config, plan, train, catalog, embeddings);
        for (var i = 0; i < config.Transforms.Count; i++)
        {
            var t = config.Transforms[i];
            var key = $"features.transforms[{i}]";
            var transform = catalog.Get(t.Transform, key + ".transform");
            var settings = TransformSettings.From(transform, t.Params, key + ".params");
            settings.Embeddings = embeddings;
            if (t.Columns.Count == 0) throw RecurException.Invalid($"{key}.columns: name at least one column", key + ".columns");
            if (transform.Combines && t.Columns.Count < 2) throw RecurException.Invalid($"{key}.columns: a {transform.Name} needs two or more columns", key + ".columns");
            foreach (var name in t.Columns) chain.Check(transform, name, key + ".columns");
            declared.UnionWith(t.Columns);
            var groups = transform.Combines ? [t.Columns] : t.Columns.Select(c => new List<string> { c }).ToList();
            for (var g = 0; g < groups.Count; g++)
            {
                if (ahead.TryGetValue((i, g), out var done))
                {
                    if (done.Error is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(done.Error);
                    chain.Add(done.Step!, transform.Combines, key, done.Outputs);
                }
                else
                {
                    chain.Add(transform.Fit([.. groups[g].Select(chain.Column)], settings, t.Output), transform.Combines, key);
                }
            }
        }
        var notes = new List<string>();
        foreach (var input in plan.Features.Where(f => !declared.Contains(f.Name)))
        {
            var column = train[input.Name];
            var role = RoleOf(config, column);
            var (present, distinct) = ColumnRoles.Counts(column);
            var counts = string.Create(CultureInfo.InvariantCulture, $"{distinct:N0} distinct values in {present:N0} training rows");
            if (column is TextColumn && role == ColumnRole.Text)
            {
                var fitted = (Tfidf.Fitted)Default(catalog, "tfidf", column, chain);
                notes.Add($"text column '{input.Name}' has {counts}: read as free text, TF-IDF of its words ({fitted.Terms.Count:N0} terms); set features.roles.{input.Name}: categorical to use it as categories");
            }
            else if (column is TextColumn && role == ColumnRole.DateTime)
            {
                Default(catalog, "datetime", column, chain);
                notes.Add($"column '{input.Name}' holds dates: split into year, month, day, weekday and hour");
            }
            else if (role == ColumnRole.Categorical && distinct > config.MaxCategories)
            {
                Default(catalog, "hash", column, chain, ("buckets", config.HashBuckets.ToString(CultureInfo.InvariantCulture)));
                var once = distinct > present / 2
                    ? $"; most values occur once, so even hashed they teach the model little (if it is free text, set features.roles.{input.Name}: text)"
                    : "";
                notes.Add($"categorical column '{input.Name}' has {counts}, more than max_categories ({config.MaxCategories:N0}): hashed into {config.HashBuckets:N0} buckets (Fingerprint64){once}");
            }
            else if (role == ColumnRole.Categorical && column is NumericColumn)
            {
                Default(catalog, "onehot", column, chain);
            }
        }
        var (built, features) = chain.Build();
        return new FittedFeatures(built, notes) { Features = features };
    }

    // A declared step that reads only raw inputs no earlier step touched depends on no other step: all such steps are
    // fitted and applied at once, on every core, then added in declared order like the others, so the chain is the same
    // as a sequential fit. A step that fails keeps its error for the sequential pass to raise at its turn.
    private static Dictionary<(int Transform, int Group), (FittedTransform? Step, IReadOnlyList<DataColumn>? Outputs, Exception? Error)> FitIndependentSteps(
        FeaturesConfig config, FeaturePlan plan, DataTable train, TransformCatalog catalog, IEmbeddingSource? embeddings)
    {
        var raw = plan.Features.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var touched = new HashSet<string>(StringComparer.Ordinal);
        var units = new List<(int Transform, int Group, ITransform Fit, TransformSettings Settings, List<string> Columns, string Output)>();
        for (var i = 0; i < config.Transforms.Count; i++)
        {
            var t = config.Transforms[i];
            var transform = catalog.Find(t.Transform);
            TransformSettings? settings = null;
            try
            {
                if (transform is not null) settings = TransformSettings.From(transform, t.Params, $"features.transforms[{i}].params");
            }
            catch (RecurException)
            {
                settings = null; // the sequential pass reports it, naming the key
            }
            if (transform is not null && settings is not null && t.Columns.Count > 0 && (!transform.Combines || t.Columns.Count >= 2))
            {
                settings.Embeddings = embeddings;
                var groups = transform.Combines ? [t.Columns] : t.Columns.Select(c => new List<string> { c }).ToList();
                for (var g = 0; g < groups.Count; g++)
                {
                    var fits = groups[g].All(c => raw.Contains(c) && !touched.Contains(c) && Accepts(transform, train[c]));
                    if (fits) units.Add((i, g, transform, settings, groups[g], t.Output));
                }
            }
            touched.UnionWith(t.Columns);
        }
        var results = new (FittedTransform?, IReadOnlyList<DataColumn>?, Exception?)[units.Count];
        // One unit at a time to whichever core is free, text first: a TF-IDF step costs more than all the others together.
        var order = Enumerable.Range(0, units.Count).OrderBy(u => units[u].Fit.Input == TransformInput.Text ? 0 : 1).ToList();
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(order, System.Collections.Concurrent.EnumerablePartitionerOptions.NoBuffering), u =>
        {
            var unit = units[u];
            try
            {
                var inputs = unit.Columns.Select(c => train[c]).ToList();
                var step = unit.Fit.Fit(inputs, unit.Settings, unit.Output);
                results[u] = (step, step.Apply(inputs), null);
            }
            catch (Exception e) when (e is RecurException or ArgumentException or InvalidOperationException)
            {
                results[u] = (null, null, e);
            }
        });
        return units.Select((unit, u) => (unit, u)).ToDictionary(p => (p.unit.Transform, p.unit.Group), p => results[p.u]);
    }

    private static bool Accepts(ITransform transform, DataColumn column) => transform.Input switch
    {
        TransformInput.Numeric => column is NumericColumn,
        TransformInput.Text => column is TextColumn,
        _ => true,
    };

    /// <summary>
    /// The role of an input column: declared in <c>features.roles</c>, else inferred. A declared role that does not fit the
    /// column's type (numeric for text) is an error naming the key.
    /// </summary>
    public static ColumnRole RoleOf(FeaturesConfig config, DataColumn column)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(column);
        if (!config.Roles.TryGetValue(column.Name, out var name)) return ColumnRoles.Infer(column);
        var key = $"features.roles.{column.Name}";
        return name switch
        {
            "numeric" when column is TextColumn => throw RecurException.Invalid($"{key}: column '{column.Name}' holds text; it cannot be numeric (declare its type in datasets.*.types, or use categorical)", key),
            "numeric" => ColumnRole.Numeric,
            "categorical" => ColumnRole.Categorical,
            "text" when column is NumericColumn => throw RecurException.Invalid($"{key}: column '{column.Name}' holds numbers; it cannot be free text", key),
            "text" => ColumnRole.Text,
            "datetime" when column is NumericColumn => throw RecurException.Invalid($"{key}: column '{column.Name}' holds numbers; a date/time must be text", key),
            "datetime" => ColumnRole.DateTime,
            _ => ColumnRole.Key,
        };
    }

    private static FittedTransform Default(TransformCatalog catalog, string name, DataColumn column, Builder chain, params (string, string)[] settings)
    {
        var transform = catalog.Get(name, "features");
        var fitted = transform.Fit([column], TransformSettings.Defaults(transform, settings), "");
        chain.Add(fitted, combines: false, "features");
        return fitted;
    }

    // The columns as the steps so far leave them: fitting each step needs the training rows of its inputs.
    private sealed class Builder(FeaturePlan plan, DataTable train)
    {
        private readonly Dictionary<string, DataColumn> _work = plan.Features.ToDictionary(f => f.Name, f => train[f.Name], StringComparer.Ordinal);
        private readonly List<string> _order = [.. plan.Features.Select(f => f.Name)];
        private readonly List<FittedTransform> _steps = [];

        public DataColumn Column(string name) => _work[name];

        public void Check(ITransform transform, string name, string key)
        {
            if (!_work.TryGetValue(name, out var column))
            {
                throw RecurException.Invalid($"{key}: no input column '{name}' (inputs: {string.Join(", ", _order.Take(12))}{(_order.Count > 12 ? ", …" : "")})", key);
            }
            if (transform.Input == TransformInput.Numeric && column is TextColumn)
            {
                throw RecurException.Invalid($"{key}: transform '{transform.Name}' needs numbers, but column '{name}' holds text", key);
            }
            if (transform.Input == TransformInput.Text && column is NumericColumn)
            {
                throw RecurException.Invalid($"{key}: transform '{transform.Name}' needs text, but column '{name}' holds numbers", key);
            }
        }

        public void Add(FittedTransform step, bool combines, string key, IReadOnlyList<DataColumn>? outputs = null)
        {
            outputs ??= step.Apply([.. step.Inputs.Select(n => _work[n])]);
            if (combines)
            {
                foreach (var o in outputs)
                {
                    if (_work.ContainsKey(o.Name)) throw RecurException.Invalid($"{key}: its output '{o.Name}' is already a column; set output: to another name", key);
                    _order.Add(o.Name);
                }
            }
            else
            {
                // The outputs take the input's place (an output of the same name replaces it).
                var at = _order.IndexOf(step.Inputs[0]);
                if (at >= 0) _order.RemoveAt(at);
                _order.InsertRange(at >= 0 ? at : _order.Count, outputs.Select(o => o.Name).Where(n => !_order.Contains(n)));
            }
            foreach (var o in outputs) _work[o.Name] = o;
            _steps.Add(step);
        }

        public (FeatureChain? Chain, DataTable? Features) Build()
        {
            if (_steps.Count == 0) return (null, null);
            // Column by column on every core: a wide chain has thousands of outputs over every training row.
            var outputs = _order.AsParallel().AsOrdered().Select(name => Spec(_work[name])).ToList();
            var table = new DataTable([.. _order.Select(n => _work[n])]);
            return (new FeatureChain { Steps = _steps, Outputs = outputs, Statistics = FeatureStatistics.Of(table, outputs) }, table);
        }

        private static FeatureSpec Spec(DataColumn column) => column switch
        {
            // Straight over the arrays: a wide TF-IDF output has a thousand columns of every training row.
            NumericColumn n => new(column.Name, column.Spec.Type, n.Sparse is { } sparse ? HasNaN(sparse.Values) : HasNaN(n.Values)),
            TextColumn t => new(column.Name, column.Spec.Type, Array.IndexOf(t.Values, null) >= 0, t.Values.OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList()),
            _ => new(column.Name, column.Spec.Type, Enumerable.Range(0, column.Length).Any(column.IsMissing), null),
        };

        private static bool HasNaN(double[] values)
        {
            foreach (var v in values)
            {
                if (double.IsNaN(v)) return true;
            }
            return false;
        }
    }
}
