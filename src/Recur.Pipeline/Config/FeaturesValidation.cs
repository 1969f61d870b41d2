using Recur.Core;
using Recur.Core.Project;
using Recur.Features;
using Recur.Features.Embeddings;
using Recur.Features.Transforms;

namespace Recur.Pipeline.Config;

/// <summary>
/// Load-time checks of recur.yaml's features section: every role is a role, every transform exists with known
/// parameters in range, a cross names two or more columns, no column is named twice in a step, and the groups and
/// limits make sense, and every embedding an <c>embed</c> step references is stored. Which columns exist, and their types, are checked when training first reads the data. Errors
/// name the key, and <see cref="ConfigLocation"/> adds its line.
/// </summary>
internal static class FeaturesValidation
{
    public static void Validate(FeaturesConfig features, ProjectLayout layout)
    {
        foreach (var (column, role) in features.Roles)
        {
            if (!FeatureEngineering.RoleNames.Contains(role))
            {
                throw RecurException.Invalid($"features.roles.{column}: '{role}' is not a role (one of: {string.Join(", ", FeatureEngineering.RoleNames)})", $"features.roles.{column}");
            }
        }
        if (features.MaxCategories < 2) throw RecurException.Invalid("features.max_categories must be at least 2", "features.max_categories");
        if (features.HashBuckets is < 2 or > 1 << 24) throw RecurException.Invalid($"features.hash_buckets must be in [2, {1 << 24}], not {features.HashBuckets}", "features.hash_buckets");
        for (var i = 0; i < features.Transforms.Count; i++)
        {
            var t = features.Transforms[i];
            var key = $"features.transforms[{i}]";
            if (t.Transform.Length == 0) throw RecurException.Invalid($"{key}: name the transform (transform: one of {string.Join(", ", TransformCatalog.Standard.Transforms.Select(x => x.Name))})", key);
            var transform = TransformCatalog.Standard.Get(t.Transform, key + ".transform");
            var settings = TransformSettings.From(transform, t.Params, key + ".params");
            if (transform is Embed) Referenced(settings.Text("artifact"), key + ".params.artifact", t.Columns, layout);
            if (t.Columns.Count == 0) throw RecurException.Invalid($"{key}.columns: name at least one column", key + ".columns");
            if (transform.Combines && t.Columns.Count < 2) throw RecurException.Invalid($"{key}.columns: a {transform.Name} needs two or more columns", key + ".columns");
            if (t.Columns.GroupBy(c => c).FirstOrDefault(g => g.Count() > 1) is { } twice) throw RecurException.Invalid($"{key}.columns: '{twice.Key}' is named twice", key + ".columns");
            if (t.Output.Length > 0 && !transform.Combines) throw RecurException.Invalid($"{key}.output: only a combining transform (cross) names its output; '{transform.Name}' writes over its columns", key + ".output");
        }
        foreach (var (group, columns) in features.Groups)
        {
            if (columns.Count == 0) throw RecurException.Invalid($"features.groups.{group}: name at least one column", $"features.groups.{group}");
            var other = features.Groups.FirstOrDefault(g => g.Key != group && g.Value.Intersect(columns).Any());
            if (other.Key is not null) throw RecurException.Invalid($"features.groups.{group}: column '{other.Value.Intersect(columns).First()}' is also in group '{other.Key}'; a column belongs to one group", $"features.groups.{group}");
        }
    }

    // An embed step's artifact must exist before training starts: a typo is caught at load, not after the data is read.
    private static void Referenced(string reference, string key, IReadOnlyList<string> columns, ProjectLayout layout)
    {
        if (EmbeddingStore.Problem(reference) is { } problem) throw RecurException.Invalid($"{key}: {problem}", key);
        if (new EmbeddingStore(layout.Embeddings).Find(reference) is null)
        {
            throw RecurException.Invalid($"{key}: no embedding '{reference}' in .recur/embeddings (run recur features embed {reference.Split('@')[0]} --column {columns.FirstOrDefault()} first)", key);
        }
    }
}
