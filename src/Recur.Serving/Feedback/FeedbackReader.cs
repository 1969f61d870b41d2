using System.Text.Json;
using Recur.Core;
using Recur.Core.Modeling;
using Recur.Core.Monitoring;
using Recur.Core.Project;
using Recur.Serving.Requests;

namespace Recur.Serving.Feedback;

/// <summary>
/// Turns <c>{"feedback":[{"key":…,"label":…,"timestamp":…}]}</c> into records (the optional timestamp, ISO-8601, is
/// the label's event time; without it the label takes the time it was received), refusing the whole request (nothing is
/// stored) at the first defect, named by its field and key. A label is a string, or a number or boolean
/// whose JSON text is a class (<c>1</c> for class "1"); for regression, a number.
/// </summary>
public static class FeedbackReader
{
    /// <summary>Most labels accepted in one request.</summary>
    public const int MaxItems = 10_000;

    /// <summary>Reads and checks a request body.</summary>
    public static IReadOnlyList<FeedbackRecord> Read(JsonElement body, FeaturePlan plan, ServingConfig limits, DateTimeOffset now)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("feedback", out var items) || items.ValueKind != JsonValueKind.Array)
        {
            throw RecurException.Invalid("the body must be an object with a 'feedback' array", "feedback");
        }
        var count = items.GetArrayLength();
        if (count == 0) throw RecurException.Invalid("'feedback' is empty", "feedback");
        if (count > MaxItems) throw RecurException.Invalid($"'feedback' holds {count} items; at most {MaxItems} per request", "feedback");
        var records = new List<FeedbackRecord>(count);
        var i = 0;
        foreach (var item in items.EnumerateArray())
        {
            var path = $"feedback[{i}]";
            if (item.ValueKind != JsonValueKind.Object) throw RecurException.Invalid($"{path}: expected an object with 'key' and 'label'", path);
            var key = JsonValues.RequiredText(Property(item, "key", path), $"{path}.key", limits.MaxKeyLength);
            var label = Label(Property(item, "label", path), $"{path}.label", limits.MaxTextLength);
            if (LabelClasses.Problem(label, plan) is { } problem) throw RecurException.Invalid($"{path}.label (key '{key}'): {problem}", $"{path}.label");
            records.Add(new FeedbackRecord(key, LabelClasses.Canonical(label, plan), Timestamp(item, $"{path}.timestamp", key) ?? now));
            i++;
        }
        return records;
    }

    private static DateTimeOffset? Timestamp(JsonElement item, string field, string key)
    {
        if (!item.TryGetProperty("timestamp", out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(value.GetString(), System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal, out var time))
        {
            return time;
        }
        throw RecurException.Invalid($"{field} (key '{key}'): expected an ISO-8601 time such as 2026-01-31T12:00:00Z", field);
    }

    private static JsonElement Property(JsonElement item, string name, string path) =>
        item.TryGetProperty(name, out var value) ? value : throw RecurException.Invalid($"{path}.{name}: required, a non-empty string", $"{path}.{name}");

    private static string Label(JsonElement value, string field, int maxLength) => value.ValueKind switch
    {
        JsonValueKind.String => JsonValues.RequiredText(value, field, maxLength),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False when value.GetRawText().Length <= maxLength => value.GetRawText(),
        _ => throw RecurException.Invalid($"{field}: required, a non-empty string (or a number that is a class)", field),
    };
}
