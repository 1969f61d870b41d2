using System.Globalization;
using System.Text.Json;
using Recur.Core;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Core.Serving;
using Recur.Serving.Requests;

namespace Recur.Serving.Published;

/// <summary>A keyed answer: where it came from (<c>published</c> or <c>live</c>) and, when published, when and how long ago.</summary>
public sealed record KeyedAnswer(PredictionResult Result, string Source, DateTimeOffset? PublishedAt, double? AgeSeconds);

/// <summary>
/// Serves batch results by key (<c>recur predict --publish</c>): the model's current published run answers
/// when it holds the key and is no older than the maximum age (the request's, else
/// <c>serving.published_max_age</c>, else any age); otherwise, when the caller sent the features, the key is
/// scored live (and logged) like <c>:predict</c>; without features a missing or stale key is a 404 naming it.
/// </summary>
public sealed class KeyedPredictions(IPublishedPredictions store, PredictionService live, TimeProvider time, ServingConfig settings)
{
    /// <summary>The published prediction for <paramref name="key"/>; NotFound naming the key when missing or stale.</summary>
    public async Task<KeyedAnswer> GetAsync(string model, string key, double? maxAge, CancellationToken ct = default)
    {
        var (answer, problem) = await PublishedAsync(model, key, maxAge, ct);
        return answer ?? throw new RecurException(FailureKind.NotFound, problem!, "key");
    }

    /// <summary>The published prediction when fresh, else <paramref name="features"/> (an object of feature values) scored live.</summary>
    public async Task<KeyedAnswer> GetOrScoreAsync(ModelSelector selector, string key, JsonElement features, double? maxAge, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(selector);
        var (answer, _) = await PublishedAsync(selector.Model, key, maxAge, ct);
        if (answer is not null) return answer;
        using var body = JsonDocument.Parse(JsonSerializer.Serialize(new { instances = new[] { new { key, features } } }));
        var results = await live.PredictAsync(selector, body.RootElement, ct);
        return new KeyedAnswer(results[0], "live", null, null);
    }

    private async Task<(KeyedAnswer? Answer, string? Problem)> PublishedAsync(string model, string key, double? maxAge, CancellationToken ct)
    {
        if (maxAge is < 0 or double.NaN) throw RecurException.Invalid("max_age must be 0 or more seconds", "max_age");
        if (string.IsNullOrEmpty(key) || key.Length > settings.MaxKeyLength) throw RecurException.Invalid($"the key must be 1 to {settings.MaxKeyLength} characters", "key");
        var limit = maxAge ?? settings.PublishedMaxAge;
        var found = await store.GetAsync(model, key, ct);
        if (found is null) return (null, $"model '{model}' has no published prediction for key '{key}' (publish one with recur predict --publish, or POST the features to score it live)");
        var age = Math.Max(0, (time.GetUtcNow() - found.PublishedAt).TotalSeconds);
        if (limit is { } l && age > l)
        {
            return (null, $"the published prediction for key '{key}' is {age.ToString("F0", CultureInfo.InvariantCulture)} s old, older than max_age {l.ToString(CultureInfo.InvariantCulture)} s (POST the features to score it live)");
        }
        var task = found.Scores is not null ? ModelTask.Multiclass : found.Label.Length == 0 ? ModelTask.Regression : ModelTask.Binary;
        var result = new PredictionResult(found.Key, task, found.Label, found.Score, found.Scores, found.Version);
        return (new KeyedAnswer(result, "published", found.PublishedAt, Math.Round(age, 3)), null);
    }
}
