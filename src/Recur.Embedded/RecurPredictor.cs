using System.Text.Json;
using Recur.Serving;
using Recur.Serving.Requests;
using Recur.Serving.Log;

namespace Recur.Embedded;

/// <summary>
/// The <see cref="IRecurPredictor"/>: turns typed instances into the request body the server reads and hands it to the
/// shared <see cref="PredictionService"/>, so there is no second scoring or checking path.
/// </summary>
internal sealed class RecurPredictor(PredictionService service, PredictionLogWriter log, ModelSelector selector) : IRecurPredictor
{
    public async Task<PredictionResult> PredictAsync(string key, IReadOnlyDictionary<string, object?> features, CancellationToken ct = default) =>
        (await PredictAsync([new KeyValuePair<string, IReadOnlyDictionary<string, object?>>(key, features)], ct))[0];

    public Task<IReadOnlyList<PredictionResult>> PredictAsync(IReadOnlyList<KeyValuePair<string, IReadOnlyDictionary<string, object?>>> instances, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(instances);
        var body = JsonSerializer.SerializeToElement(new Body([.. instances.Select(i => new Instance(i.Key, i.Value))]), Options);
        return service.PredictAsync(selector, body, ct);
    }

    public Task FlushAsync() => log.FlushAsync();

    // The wire names ("instances", "key", "features"); feature names are kept as given.
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    private sealed record Body(IReadOnlyList<Instance> Instances);

    private sealed record Instance(string Key, IReadOnlyDictionary<string, object?> Features);
}
