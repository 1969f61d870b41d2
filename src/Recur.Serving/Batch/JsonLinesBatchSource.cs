using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Recur.Serving.Batch;

/// <summary>
/// A JSON Lines file: one object per line, either a flat row (<c>{"age": 39, "job": "admin", "id": "a1"}</c>)
/// or an instance as the REST API takes it (<c>{"key": "a1", "features": {…}}</c>, read with
/// <c>--key key</c>). Rows are numbered by line; a line that is not a JSON object is refused with the parser's
/// reason; a feature the line lacks is refused as missing (null is a missing value, not an absent one).
/// </summary>
public sealed class JsonLinesBatchSource(string path, string description) : IBatchSource
{
    /// <inheritdoc />
    public string Description { get; } = description;

    /// <inheritdoc />
    public async IAsyncEnumerable<RawChunk> ReadAsync(IReadOnlyList<string> columns, int chunkRows, [EnumeratorCancellation] CancellationToken ct = default)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16, Options = FileOptions.SequentialScan });
        var position = columns.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        var sequence = 0;
        long line = 0;
        var rows = new List<RawRow>(chunkRows);
        while (await reader.ReadLineAsync(ct) is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            rows.Add(Row(text, line, columns, position));
            if (rows.Count == chunkRows)
            {
                yield return new RawChunk(sequence++, rows);
                rows = new List<RawRow>(chunkRows);
            }
        }
        if (rows.Count > 0) yield return new RawChunk(sequence, rows);
    }

    /// <summary>One line as a row of <paramref name="columns"/>.</summary>
    internal static RawRow Row(string text, long line, IReadOnlyList<string> columns, Dictionary<string, int> position)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return new RawRow(line, null, $"expected a JSON object, got {Kind(root)}");
            var values = new object?[columns.Count];
            Array.Fill(values, RawValues.Absent);
            foreach (var property in root.EnumerateObject())
            {
                if (position.TryGetValue(property.Name, out var at)) values[at] = Value(property.Value);
            }
            // The REST API's instance shape: the features inside 'features', the key (--key key) beside them.
            if (root.TryGetProperty("features", out var features) && features.ValueKind == JsonValueKind.Object && !position.ContainsKey("features"))
            {
                foreach (var property in features.EnumerateObject())
                {
                    if (position.TryGetValue(property.Name, out var at)) values[at] = Value(property.Value);
                }
            }
            return new RawRow(line, values);
        }
        catch (JsonException e)
        {
            return new RawRow(line, null, $"not valid JSON: {e.Message.Split('\n')[0]}");
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static object? Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.TryGetDouble(out var d) ? d : value.GetRawText(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null => null,
        _ => new RawValues.Structured(Kind(value)),
    };

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => value.ValueKind.ToString().ToLowerInvariant(),
    };
}
