using System.Text.Json;
using Recur.Core;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Core.Serving;
using Recur.Serving.Requests;
using Recur.Serving.Routing;

namespace Recur.Serving;

public sealed partial class PredictionService
{
    /// <summary>The role of answers given by the fast model of a two-phase route.</summary>
    public const string FastPhase = "phase1";

    /// <summary>The role of answers given by the full model of a two-phase route.</summary>
    public const string FullPhase = "phase2";

    /// <summary>
    /// Predicts through a gateway route: the named route, else the model's <c>default</c> route, else (no routes
    /// declared) the champion. A two-phase route lets the fast model answer the rows it is confident about; every other
    /// row goes to the target its key picks; a shadow scores a copy afterwards. Each answer names the version that gave it.
    /// </summary>
    public async Task<IReadOnlyList<PredictionResult>> PredictRoutedAsync(string model, string? routeName, JsonElement body, CancellationToken ct = default)
    {
        var table = routes is null ? null : await routes.CurrentAsync(ct);
        var route = table is null ? null : routeName is null ? table.Default(model) : table.Find(model, routeName);
        if (route is null)
        {
            if (routeName is not null && routeName != RouteConfig.DefaultName)
            {
                var names = table?.NamesOf(model).ToList() ?? [];
                throw RecurException.NotFound($"model '{model}' has no route '{routeName}' ({(names.Count == 0 ? "serving.routes declares none" : "routes: " + string.Join(", ", names))})");
            }
            return await PredictAsync(ModelSelector.From(model, null, null), body, ct);
        }

        var now = time.GetUtcNow();
        var keys = InstanceKeys(body);
        var results = new PredictionResult[keys.Length];
        var records = new PredictionRecord[keys.Length];
        // Versions of one model usually share their inputs; each distinct input contract reads the body once.
        var reads = new Dictionary<FeaturePlan, PredictBatch>(ReferenceEqualityComparer.Instance);
        PredictBatch Read(LoadedModel m) => reads.TryGetValue(m.Model.Manifest.Plan, out var b) ? b : reads[m.Model.Manifest.Plan] = InstanceReader.Read(WithWindows(m, body), m.Model.Manifest.Plan, limits);

        IReadOnlyList<int> pending = Enumerable.Range(0, keys.Length).ToArray();
        if (route.TwoPhase is { } phase)
        {
            var fast = await pool.GetAsync(phase.Fast, ct);
            var (answers, logged) = Score(fast, Read(fast), now, route.Name, FastPhase);
            var forward = new List<int>();
            for (var i = 0; i < answers.Length; i++)
            {
                if (Confidence(answers[i]) >= phase.Confidence) (results[i], records[i]) = (answers[i] with { Role = FastPhase }, logged[i]);
                else forward.Add(i);
            }
            pending = forward;
        }

        var role = route.TwoPhase is null ? null : FullPhase;
        var chooser = picker ?? new TargetPicker(0);
        foreach (var group in pending.GroupBy(i => chooser.Pick(route, keys[i] ?? "")).OrderBy(g => g.Key))
        {
            var rows = group.ToArray();
            var loaded = await pool.GetAsync(route.Targets[group.Key].Selector, ct);
            var (answers, logged) = Score(loaded, Subset(Read(loaded), rows), now, route.Name, role);
            for (var j = 0; j < rows.Length; j++) (results[rows[j]], records[rows[j]]) = (answers[j] with { Role = role }, logged[j]);
        }
        await log.AppendAsync(records);
        if (route.Shadow is { } shadow) shadows?.Offer(new ShadowRequest(shadow, route.Name, body.Clone(), now));
        return results;
    }

    /// <summary>Scores a copy of a routed request with the route's shadow and logs the answers as shadow records.</summary>
    internal async Task ShadowAsync(ShadowRequest request, CancellationToken ct)
    {
        var loaded = await pool.GetAsync(request.Shadow, ct);
        var (_, records) = Score(loaded, InstanceReader.Read(request.Body, loaded.Model.Manifest.Plan, limits), request.At, request.Route, PredictionRecord.ShadowRole);
        log.Enqueue(records);
    }

    // The top-class probability: how sure a classifier is of the label it gives.
    private static double Confidence(PredictionResult r) => r.Task switch
    {
        ModelTask.Binary => Math.Max(r.Score, 1 - r.Score),
        ModelTask.Multiclass => r.Scores!.Values.Max(),
        _ => 0,
    };

    private static PredictBatch Subset(PredictBatch batch, int[] rows) =>
        rows.Length == batch.Keys.Count ? batch : new PredictBatch(rows.Select(r => batch.Keys[r]).ToArray(), batch.Features.Take(rows), rows.Select(r => batch.InputsJson[r]).ToArray());

    // Each instance's key, or null where it is missing or not a string (reading the instances reports that precisely).
    private static string?[] InstanceKeys(JsonElement body)
    {
        var instances = InstanceReader.Instances(body);
        var keys = new string?[instances.GetArrayLength()];
        var i = 0;
        foreach (var instance in instances.EnumerateArray())
        {
            keys[i++] = instance.ValueKind == JsonValueKind.Object && instance.TryGetProperty("key", out var key) && key.ValueKind == JsonValueKind.String ? key.GetString() : null;
        }
        return keys;
    }
}
