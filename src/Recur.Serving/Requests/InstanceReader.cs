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
        var instances = Instances(body);
        var count = instances.GetArrayLength();
        var keys = new string[count];
        var inputs = new string[count];
        var buffer = new FeatureTableBuffer(plan, count);
        var index = Index(plan);
        var i = 0;
        foreach (var instance in instances.EnumerateArray())
        {
            (keys[i], inputs[i]) = ReadInstance(instance, i, i, plan, index, buffer, limits);
            i++;
        }
        return new PredictBatch(keys, buffer.ToTable(), inputs);
    }

    /// <summary>
    /// Reads a request body instance by instance for <c>:batchPredict</c>: a bad instance is set aside with its
    /// error (index, key when readable, field) and the others are read. The body's shape (an object with a
    /// non-empty <c>instances</c> array within the limits) is still all-or-nothing.
    /// </summary>
    public static (PredictBatch Batch, IReadOnlyList<int> Indices, IReadOnlyList<InstanceError> Errors) ReadEach(JsonElement body, FeaturePlan plan, ServingConfig limits)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(limits);
        var instances = Instances(body);
        return ReadEach(instances.EnumerateArray(), instances.GetArrayLength(), plan, limits);
    }

    /// <summary>Reads instances one by one (from a body's array or from JSON Lines), setting bad ones aside.</summary>
    public static (PredictBatch Batch, IReadOnlyList<int> Indices, IReadOnlyList<InstanceError> Errors) ReadEach(IEnumerable<JsonElement> instances, int count, FeaturePlan plan, ServingConfig limits)
    {
        ArgumentNullException.ThrowIfNull(instances);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(limits);
        var keys = new List<string>(count);
        var inputs = new List<string>(count);
        var good = new List<int>(count);
        var errors = new List<InstanceError>();
        var buffer = new FeatureTableBuffer(plan, count);
        var index = Index(plan);
        var i = 0;
        foreach (var instance in instances)
        {
            try
            {
                var (key, input) = ReadInstance(instance, i, good.Count, plan, index, buffer, limits);
                keys.Add(key);
                inputs.Add(input);
                good.Add(i);
            }
            catch (RecurException e) when (e.Kind == FailureKind.InvalidInput)
            {
                errors.Add(new InstanceError(i, KeyOf(instance, limits), e.Field, e.Message));
            }
            i++;
        }
        var table = buffer.ToTable();
        if (good.Count < count) table = table.Take(Enumerable.Range(0, good.Count).ToArray());
        return (new PredictBatch(keys, table, inputs), good, errors);
    }

    /// <summary>The body's <c>instances</c> array, checked to be present, not empty and within <see cref="MaxInstances"/>.</summary>
    public static JsonElement Instances(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty("instances", out var instances) || instances.ValueKind != JsonValueKind.Array)
        {
            throw RecurException.Invalid("the body must be an object with an 'instances' array", "instances");
        }
        var count = instances.GetArrayLength();
        if (count == 0) throw RecurException.Invalid("'instances' is empty", "instances");
        if (count > MaxInstances) throw RecurException.Invalid($"'instances' holds {count} items; at most {MaxInstances} per request", "instances");
        return instances;
    }

    private static Dictionary<string, int> Index(FeaturePlan plan) =>
        plan.Features.Select((f, i) => (f.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);

    // The key of a refused instance, when it has a readable one.
    private static string? KeyOf(JsonElement instance, ServingConfig limits)
    {
        if (instance.ValueKind != JsonValueKind.Object || !instance.TryGetProperty("key", out var key)) return null;
        try
        {
            return JsonValues.RequiredText(key, "key", limits.MaxKeyLength);
        }
        catch (RecurException)
        {
            return null;
        }
    }

    // Reads instance number i into row 'row' of the buffer; throws Invalid naming the field.
    private static (string Key, string Input) ReadInstance(JsonElement instance, int i, int row, FeaturePlan plan, Dictionary<string, int> index, FeatureTableBuffer buffer, ServingConfig limits)
    {
        var path = $"instances[{i}]";
        if (instance.ValueKind != JsonValueKind.Object) throw RecurException.Invalid($"{path}: expected an object with 'key' and 'features'", path);
        if (!instance.TryGetProperty("key", out var key)) throw RecurException.Invalid($"{path}.key: required, a non-empty string", $"{path}.key");
        var text = JsonValues.RequiredText(key, $"{path}.key", limits.MaxKeyLength);
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
            ReadValue(property.Value, plan.Features[f], field, buffer.Numbers(f), buffer.Texts(f), row, limits.MaxTextLength);
        }
        var missing = Array.IndexOf(seen, false);
        if (missing >= 0) throw RecurException.Invalid($"{path}.features.{plan.Features[missing].Name}: missing (send null for an unknown value)", $"{path}.features.{plan.Features[missing].Name}");
        return (text, features.GetRawText());
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
