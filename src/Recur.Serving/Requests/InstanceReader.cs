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

    // The plan's feature positions by name, built once per plan (a served version keeps its plan for its lifetime).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<FeaturePlan, Dictionary<string, int>> Indexes = [];

    private static Dictionary<string, int> Index(FeaturePlan plan) => Indexes.GetValue(plan, p =>
        p.Features.Select((f, i) => (f.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal));

    // Field paths name the exact place of a defect; they are built only when there is one (or a text value is checked).
    private static string Path(int i) => $"instances[{i}]";

    private static string FeatureField(int i, string name) => $"instances[{i}].features.{name}";

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

    // Reads instance number i into row 'row' of the buffer; throws Invalid naming the field. The common path
    // allocates only the key, the text values and the raw input kept for the log.
    private static (string Key, string Input) ReadInstance(JsonElement instance, int i, int row, FeaturePlan plan, Dictionary<string, int> index, FeatureTableBuffer buffer, ServingConfig limits)
    {
        if (instance.ValueKind != JsonValueKind.Object) throw RecurException.Invalid($"{Path(i)}: expected an object with 'key' and 'features'", Path(i));
        if (!instance.TryGetProperty("key", out var key)) throw RecurException.Invalid($"{Path(i)}.key: required, a non-empty string", $"{Path(i)}.key");
        var text = key.ValueKind == JsonValueKind.String && TryPlainText(key, limits.MaxKeyLength, out var plain) && plain.Length > 0
            ? plain
            : JsonValues.RequiredText(key, $"{Path(i)}.key", limits.MaxKeyLength);
        if (!instance.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Object)
        {
            throw RecurException.Invalid($"{Path(i)}.features: required, an object of feature values", $"{Path(i)}.features");
        }
        var count = plan.Features.Count;
        Span<bool> seen = count <= 512 ? stackalloc bool[count] : new bool[count];
        var found = 0;
        foreach (var property in features.EnumerateObject())
        {
            var name = TryPlainName(property, limits.MaxTextLength, out var plainName) ? plainName : JsonValues.Name(property, $"{Path(i)}.features", limits.MaxTextLength);
            if (!index.TryGetValue(name, out var f))
            {
                var field = FeatureField(i, name);
                throw RecurException.Invalid($"{field}: unknown feature (the model takes: {string.Join(", ", index.Keys)})", field);
            }
            if (seen[f]) throw RecurException.Invalid($"{FeatureField(i, name)}: given twice", FeatureField(i, name));
            seen[f] = true;
            found++;
            ReadValue(property.Value, plan.Features[f], i, name, buffer.Numbers(f), buffer.Texts(f), row, limits.MaxTextLength);
        }
        if (found < count)
        {
            var missing = seen.IndexOf(false);
            throw RecurException.Invalid($"{FeatureField(i, plan.Features[missing].Name)}: missing (send null for an unknown value)", FeatureField(i, plan.Features[missing].Name));
        }
        return (text, features.GetRawText());
    }

    // A string value that needs no checking beyond its length: the common case, read without building its field path.
    // Anything unusual (invalid UTF-8, a surrogate) goes through JsonValues, which names the field.
    private static bool TryPlainText(JsonElement value, int maxLength, out string text)
    {
        text = "";
        string candidate;
        try
        {
            candidate = value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
        if (candidate.Length > maxLength) return false;
        foreach (var c in candidate) if (char.IsSurrogate(c)) return false;
        text = candidate;
        return true;
    }

    private static bool TryPlainName(JsonProperty property, int maxLength, out string name)
    {
        name = "";
        string candidate;
        try
        {
            candidate = property.Name;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
        if (candidate.Length > maxLength) return false;
        foreach (var c in candidate) if (char.IsSurrogate(c)) return false;
        name = candidate;
        return true;
    }

    private static void ReadValue(JsonElement value, FeatureSpec feature, int i, string name, double[]? numbers, string?[]? texts, int row, int maxText)
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
                throw RecurException.Invalid($"{FeatureField(i, name)}: {Clip(value.GetRawText())} is not a finite number", FeatureField(i, name));
            }
            if (!JsonValues.TryFinite(value, out var number))
            {
                throw RecurException.Invalid($"{FeatureField(i, name)}: expected a number ({feature.Type.ToName()}), got {Describe(value)}", FeatureField(i, name));
            }
            if (feature.Type == ColumnType.Integer && number != Math.Floor(number))
            {
                throw RecurException.Invalid($"{FeatureField(i, name)}: expected an integer, got {value.GetRawText()}", FeatureField(i, name));
            }
            numbers[row] = number;
            return;
        }
        if (value.ValueKind != JsonValueKind.String) throw RecurException.Invalid($"{FeatureField(i, name)}: expected a string, got {Describe(value)}", FeatureField(i, name));
        texts![row] = TryPlainText(value, maxText, out var plain) ? plain : JsonValues.Text(value, FeatureField(i, name), maxText);
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
