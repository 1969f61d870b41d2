using Recur.Core.Modeling;
using System.Text.Json;
using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Project;

namespace Recur.Serving.Requests;

/// <summary>
/// Turns the JSON body <c>{"instances":[{"key":…,"features":{…}}]}</c> into a typed batch, checked
/// against the model's input contract. Every error names the exact field, e.g.
/// <c>instances[2].features.age</c>.
/// </summary>
public static class InstanceReader
{
    /// <summary>Most instances accepted in one request.</summary>
    public const int MaxInstances = 10_000;

    /// <summary>Reads and validates a request body (with the default limits of <see cref="ServingConfig"/>).</summary>
    public static PredictBatch Read(JsonElement body, FeaturePlan plan) => Read(body, plan, new ServingConfig());

    /// <summary>Reads and validates a request body; keys and text values longer than the limits are refused.</summary>
    public static PredictBatch Read(JsonElement body, FeaturePlan plan, ServingConfig limits)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("instances", out var instances) || instances.ValueKind != JsonValueKind.Array)
        {
            throw RecurException.Invalid("the body must be an object with an 'instances' array", "instances");
        }
        var count = instances.GetArrayLength();
        if (count == 0) throw RecurException.Invalid("'instances' is empty", "instances");
        if (count > MaxInstances) throw RecurException.Invalid($"'instances' holds {count} items; at most {MaxInstances} per request", "instances");

        var keys = new string[count];
        var inputs = new string[count];
        var buffer = new FeatureTableBuffer(plan, count);
        var index = plan.Features.Select((f, i) => (f.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        var i = 0;
        foreach (var instance in instances.EnumerateArray())
        {
            var path = $"instances[{i}]";
            if (instance.ValueKind != JsonValueKind.Object) throw RecurException.Invalid($"{path}: expected an object with 'key' and 'features'", path);
            if (!instance.TryGetProperty("key", out var key)) throw RecurException.Invalid($"{path}.key: required, a non-empty string", $"{path}.key");
            keys[i] = JsonValues.RequiredText(key, $"{path}.key", limits.MaxKeyLength);
            if (!instance.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Object)
            {
                throw RecurException.Invalid($"{path}.features: required, an object of feature values", $"{path}.features");
            }
            var seen = new bool[plan.Features.Count];
            foreach (var property in features.EnumerateObject())
            {
                var name = JsonValues.Name(property, $"{path}.features", limits.MaxTextLength);
                var field = $"{path}.features.{name}";
                if (!index.TryGetValue(name, out var f)) throw RecurException.Invalid($"{field}: unknown feature (the model takes: {string.Join(", ", index.Keys)})", field);
                if (seen[f]) throw RecurException.Invalid($"{field}: given twice", field);
                seen[f] = true;
                ReadValue(property.Value, plan.Features[f], field, buffer.Numbers(f), buffer.Texts(f), i, limits.MaxTextLength);
            }
            var missing = Array.IndexOf(seen, false);
            if (missing >= 0) throw RecurException.Invalid($"{path}.features.{plan.Features[missing].Name}: missing (send null for an unknown value)", $"{path}.features.{plan.Features[missing].Name}");
            inputs[i] = features.GetRawText();
            i++;
        }
        return new PredictBatch(keys, buffer.ToTable(), inputs);
    }

    private static void ReadValue(JsonElement value, FeatureSpec feature, string field, double[]? numbers, string?[]? texts, int row, int maxText)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            if (numbers is not null) numbers[row] = double.NaN;
            return;
        }
        if (numbers is not null)
        {
            if (value.ValueKind == JsonValueKind.Number && !JsonValues.TryFinite(value, out _))
            {
                throw RecurException.Invalid($"{field}: {Clip(value.GetRawText())} is not a finite number", field);
            }
            if (!JsonValues.TryFinite(value, out var number))
            {
                throw RecurException.Invalid($"{field}: expected a number ({feature.Type.ToName()}), got {Describe(value)}", field);
            }
            if (feature.Type == ColumnType.Integer && number != Math.Floor(number))
            {
                throw RecurException.Invalid($"{field}: expected an integer, got {value.GetRawText()}", field);
            }
            numbers[row] = number;
            return;
        }
        if (value.ValueKind != JsonValueKind.String) throw RecurException.Invalid($"{field}: expected a string, got {Describe(value)}", field);
        texts![row] = JsonValues.Text(value, field, maxText);
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => $"the number {Clip(value.GetRawText())}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {value.GetRawText()}",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => value.ValueKind.ToString().ToLowerInvariant(),
    };
}
