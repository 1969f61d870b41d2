using Recur.Serving;
using Recur.Serving.Requests;

namespace Recur.Embedded;

/// <summary>
/// A registered model version scoring in-process. Every call goes through the project's <see cref="PredictionService"/>
/// — the one the REST server and <c>recur predict</c> use — so the inputs are checked against the version's contract
/// (a bad value is refused naming <c>instances[i].features.name</c>), the label is decided by its decision policy,
/// and every prediction is logged with its key. Thread-safe.
/// </summary>
public interface IRecurPredictor
{
    /// <summary>The prediction for one keyed instance; its features by input name (numbers, strings, booleans or null).</summary>
    Task<PredictionResult> PredictAsync(string key, IReadOnlyDictionary<string, object?> features, CancellationToken ct = default);

    /// <summary>Predictions for several keyed instances (at most 10,000), in order.</summary>
    Task<IReadOnlyList<PredictionResult>> PredictAsync(IReadOnlyList<KeyValuePair<string, IReadOnlyDictionary<string, object?>>> instances, CancellationToken ct = default);

    /// <summary>Completes when every prediction made so far is in the prediction log (it is written in the background).</summary>
    Task FlushAsync();
}
