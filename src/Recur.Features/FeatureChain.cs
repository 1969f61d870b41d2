using System.Text.Json;
using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Features.Transforms;

namespace Recur.Features;

/// <summary>
/// The Transform pattern: every transform fitted on the training split, in order, with the model's features that
/// come out of them. Saved inside the model file (<see cref="Entry"/>), so training, batch scoring and the REST API
/// all compute a model's features from raw rows with this one object.
/// </summary>
public sealed class FeatureChain
{
    /// <summary>The model file's entry holding the chain.</summary>
    public const string Entry = "features.json";

    /// <summary>The fitted steps, applied in order; each reads columns of the raw row or of earlier steps.</summary>
    public List<FittedTransform> Steps { get; set; } = [];

    /// <summary>The model's features after the chain, in order, with what training saw of them (categories of text features).</summary>
    public List<FeatureSpec> Outputs { get; set; } = [];

    /// <summary>Statistics of every output over the training split, the reference for training/serving skew.</summary>
    public List<FeatureStatistics> Statistics { get; set; } = [];

    /// <summary>
    /// Per model feature, the raw input columns it is computed from (through every earlier step): a standardized column
    /// comes from itself, a TF-IDF term from its text column, a cross from each column crossed.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Origins(IEnumerable<string> rawInputs)
    {
        var origins = rawInputs.ToDictionary(n => n, n => (IReadOnlyList<string>)[n], StringComparer.Ordinal);
        foreach (var step in Steps)
        {
            IReadOnlyList<string> from = [.. step.Inputs.SelectMany(i => origins.GetValueOrDefault(i) ?? [i]).Distinct(StringComparer.Ordinal)];
            foreach (var output in step.Outputs()) origins[output.Name] = from;
        }
        return Outputs.ToDictionary(o => o.Name, o => origins.GetValueOrDefault(o.Name) ?? [o.Name], StringComparer.Ordinal);
    }

    /// <summary>The outputs of steps whose values are already on a common scale (<see cref="FittedTransform.UnitScaled"/>).</summary>
    public IReadOnlySet<string> UnitScaled() =>
        Steps.Where(s => s.UnitScaled).SelectMany(s => s.Outputs().Select(o => o.Name)).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The model's features for raw rows: every step applied in order, then the <see cref="Outputs"/> in order. An
    /// unseen category or an over-long text is handled by its step (the out-of-vocabulary or hash bucket, a cut), never refused.
    /// </summary>
    public DataTable Apply(DataTable raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var work = raw.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        foreach (var step in Steps)
        {
            var inputs = step.Inputs.Select(name => work.GetValueOrDefault(name)
                ?? throw RecurException.Invalid($"the feature chain needs column '{name}', which the rows do not have", name)).ToList();
            foreach (var output in step.Apply(inputs)) work[output.Name] = output;
        }
        return new DataTable([.. Outputs.Select(o => work.GetValueOrDefault(o.Name) ?? throw RecurException.Invalid($"the feature chain did not produce feature '{o.Name}'", o.Name))]);
    }

    /// <summary>The chain as the model file stores it (UTF-8 JSON, steps tagged by transform name).</summary>
    public byte[] ToJson(TransformCatalog catalog) => JsonSerializer.SerializeToUtf8Bytes(this, (catalog ?? throw new ArgumentNullException(nameof(catalog))).JsonOptions);

    /// <summary>Reads a chain written by <see cref="ToJson"/>; a step whose transform the catalogue lacks is an error.</summary>
    public static FeatureChain FromJson(ReadOnlySpan<byte> json, TransformCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return JsonSerializer.Deserialize<FeatureChain>(json, catalog.JsonOptions) ?? throw RecurException.Invalid("empty feature chain");
    }
}
