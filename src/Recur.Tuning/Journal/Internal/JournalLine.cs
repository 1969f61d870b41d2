using System.Text.Json;
using System.Text.Json.Nodes;

namespace Recur.Tuning.Internal;

/// <summary>
/// One trial as a JSON line: <c>{"number":3,"state":"complete","parameters":{...},"value":0.91,"low":0.90,"high":0.92,
/// "seconds":1.5,"intermediate":[[10,0.88],...],"error":null}</c>. Numbers that are not finite are written as null.
/// </summary>
internal static class JournalLine
{
    public static string Write(TrialRecord t)
    {
        var parameters = new JsonObject();
        foreach (var (name, value) in t.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
            parameters[name] = value;
        var intermediate = new JsonArray();
        foreach (var point in t.Intermediate)
            intermediate.Add(new JsonArray(point.Step, Number(point.Value)));
        var line = new JsonObject
        {
            ["number"] = t.Number,
            ["state"] = t.State.ToString().ToLowerInvariant(),
            ["parameters"] = parameters,
            ["value"] = Number(t.Value),
            ["low"] = Number(t.Low),
            ["high"] = Number(t.High),
            ["seconds"] = Number(t.Seconds),
            ["intermediate"] = intermediate,
            ["error"] = t.Error,
        };
        return line.ToJsonString();
    }

    public static TrialRecord Read(string line)
    {
        var node = JsonNode.Parse(line)?.AsObject() ?? throw new FormatException("empty line");
        var state = (string?)node["state"] ?? throw new FormatException("no state");
        var parsed = Enum.Parse<TrialState>(state, ignoreCase: true);
        if (parsed == TrialState.Running)
            throw new FormatException("a journal holds finished trials only");
        var parameters = (node["parameters"]?.AsObject() ?? throw new FormatException("no parameters"))
            .ToDictionary(p => p.Key, p => (string?)p.Value ?? throw new FormatException($"parameter '{p.Key}' has no value"), StringComparer.Ordinal);
        var intermediate = (node["intermediate"]?.AsArray() ?? [])
            .Select(p => new IntermediateValue((int)p![0]!, Read(p[1])))
            .ToList();
        return new TrialRecord((int?)node["number"] ?? throw new FormatException("no number"), parameters, parsed,
            Read(node["value"]), Read(node["low"]), Read(node["high"]), intermediate, Read(node["seconds"]), (string?)node["error"]);
    }

    private static JsonValue? Number(double value) => double.IsFinite(value) ? JsonValue.Create(value) : null;

    private static double Read(JsonNode? node) => node is null ? double.NaN : node.GetValue<double>();
}
