using System.Text.Json;

namespace Recur.Server.Contract;

/// <summary>
/// The request bodies as the OpenAPI document declares them. The handlers still read the raw JSON (so a misnamed field is
/// refused naming its path, e.g. <c>instances[2].features.age</c>); these records only describe the wire format.
/// </summary>
/// <param name="Instances">The keyed rows to score (at most 10,000).</param>
public sealed record PredictRequest(IReadOnlyList<KeyedInstance> Instances);

/// <summary>One keyed row of a predict, explain, features or surrogate request.</summary>
/// <param name="Key">The client's key, echoed in the answer and logged with it (feedback joins on it).</param>
/// <param name="Features">Every input of the model by name: a number, a category (string), or null when unknown.</param>
public sealed record KeyedInstance(string Key, IReadOnlyDictionary<string, JsonElement?> Features);

/// <summary>The feedback request body: true labels for keys already predicted.</summary>
/// <param name="Feedback">The labels (at most 10,000).</param>
public sealed record FeedbackRequest(IReadOnlyList<KeyedLabel> Feedback);

/// <summary>One true label.</summary>
/// <param name="Key">The key of a logged prediction.</param>
/// <param name="Label">One of the model's classes (a string, or a number whose text is a class); for regression, a number.</param>
/// <param name="Timestamp">When the label's event happened (ISO-8601); optional, the time it is received otherwise.</param>
public sealed record KeyedLabel(string Key, JsonElement Label, DateTimeOffset? Timestamp = null);
