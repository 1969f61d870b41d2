using System.Globalization;
using System.Text.Json;
using Recur.Core.Lake;
using Recur.Core.Project;

namespace Recur.Lake.Ingest;

/// <summary>
/// Reads JSON Lines: one object per line; columns are the union of keys in order of first appearance.
/// Numbers and strings keep their text, booleans become "true"/"false", nested values keep their JSON,
/// null and absent keys are missing (recodes and missing tokens apply when the values are typed). A line that is not a JSON object is quarantined.
/// </summary>
public static class JsonLinesReader
{
    /// <summary>Reads all lines of the text.</summary>
    public static RawTable Read(TextReader text, DatasetConfig config, string sourceName)
    {
        var names = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new List<(long Line, string Raw, Dictionary<int, string?> Values)>();
        var quarantined = new List<QuarantinedRow>();
        long line = 0;
        while (text.ReadLine() is { } raw)
        {
            line++;
            if (line <= config.SkipLines || string.IsNullOrWhiteSpace(raw)) continue;
            try
            {
                using var doc = JsonDocument.Parse(raw);
                if (doc.RootElement.ValueKind != JsonValueKind.Object)
                {
                    quarantined.Add(new(sourceName, line, $"expected a JSON object, found {doc.RootElement.ValueKind.ToString().ToLowerInvariant()}", raw));
                    continue;
                }
                var values = new Dictionary<int, string?>();
                foreach (var property in doc.RootElement.EnumerateObject())
                {
                    if (!index.TryGetValue(property.Name, out var c))
                    {
                        c = index[property.Name] = names.Count;
                        names.Add(property.Name);
                    }
                    values[c] = Text(property.Value);
                }
                rows.Add((line, raw, values));
            }
            catch (JsonException e)
            {
                quarantined.Add(new(sourceName, line, $"not valid JSON: {e.Message.Split('.')[0]}", raw));
            }
        }
        var table = new RawTable(names);
        foreach (var (l, raw, values) in rows)
        {
            var row = new string?[names.Count];
            foreach (var (c, v) in values) row[c] = v;
            table.Rows.Add(new RawRow(sourceName, l, raw, row));
        }
        table.Quarantined.AddRange(quarantined);
        return table;
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.TryGetInt64(out var l) ? l.ToString(CultureInfo.InvariantCulture) : value.GetDouble().ToString("R", CultureInfo.InvariantCulture),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };
}
