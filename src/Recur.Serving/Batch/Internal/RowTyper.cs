using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Serving.Requests;

namespace Recur.Serving.Batch.Internal;

/// <summary>
/// Types a chunk of raw rows as the model's inputs, row by row: a row with a value that cannot be its
/// feature's type, or without a feature at all, is refused with the reason and the rest go on. Values
/// arrive aligned with <see cref="Columns"/>: the plan's features, then the key column if any.
/// </summary>
internal sealed class RowTyper
{
    private readonly FeaturePlan _plan;
    private readonly HashSet<string> _missing;
    private readonly int _key;
    private readonly int _maxText;
    private readonly int _maxKey;

    public RowTyper(FeaturePlan plan, string? keyColumn, IReadOnlyList<string> missingTokens, ServingConfig limits)
    {
        _plan = plan;
        Columns = keyColumn is null || plan.Features.Any(f => f.Name == keyColumn)
            ? [.. plan.Features.Select(f => f.Name)]
            : [.. plan.Features.Select(f => f.Name), keyColumn];
        _key = keyColumn is null ? -1 : Columns.ToList().IndexOf(keyColumn);
        _missing = new HashSet<string>(missingTokens, StringComparer.Ordinal);
        _maxText = limits.MaxTextLength;
        _maxKey = limits.MaxKeyLength;
    }

    /// <summary>The columns each raw row's values are aligned with.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The typed good rows (a batch, with each one's input index) and the refused rows.</summary>
    public (PredictBatch Batch, long[] Indices, List<BatchReject> Rejects) Type(RawChunk chunk, bool withInputs)
    {
        var rows = chunk.Rows;
        var buffer = new FeatureTableBuffer(_plan, rows.Count);
        var keys = new List<string>(rows.Count);
        var indices = new List<long>(rows.Count);
        var good = new List<int>(rows.Count);
        var rejects = new List<BatchReject>();
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            var key = KeyOf(row, out var keyError);
            if (row.Error is not null || row.Values is null)
            {
                rejects.Add(new BatchReject(row.Index, key, null, row.Error ?? "the row could not be read"));
                continue;
            }
            if (keyError is not null)
            {
                rejects.Add(new BatchReject(row.Index, null, Columns[_key], keyError));
                continue;
            }
            // Fill the row's cells at position good.Count; a refused row's cells are overwritten by the next.
            var at = good.Count;
            string? error = null;
            string? field = null;
            for (var f = 0; f < _plan.Features.Count && error is null; f++)
            {
                error = Cell(row.Values[f], _plan.Features[f], buffer.Numbers(f), buffer.Texts(f), at);
                if (error is not null) field = _plan.Features[f].Name;
            }
            if (error is not null)
            {
                rejects.Add(new BatchReject(row.Index, key, field, error));
                continue;
            }
            good.Add(r);
            keys.Add(key ?? $"row-{row.Index}");
            indices.Add(row.Index);
        }
        var table = buffer.ToTable();
        if (good.Count < rows.Count) table = table.Take(Enumerable.Range(0, good.Count).ToArray());
        var inputs = withInputs ? InputsJson(table) : new string[good.Count];
        return (new PredictBatch(keys, table, inputs), [.. indices], rejects);
    }

    private string? KeyOf(RawRow row, out string? error)
    {
        error = null;
        if (_key < 0 || row.Values is null) return null;
        var text = row.Values[_key] switch
        {
            string s => s.Trim(),
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            long l => l.ToString(CultureInfo.InvariantCulture),
            bool b => b ? "true" : "false",
            _ => null,
        };
        if (ReferenceEquals(row.Values[_key], RawValues.Absent)) error = $"no key: the row has no '{Columns[_key]}'";
        else if (string.IsNullOrEmpty(text)) error = $"the key '{Columns[_key]}' is empty";
        else if (text.Length > _maxKey) error = $"the key is {text.Length} characters; at most {_maxKey} (serving.max_key_length)";
        return error is null ? text : null;
    }

    // Null when the value fits its feature, else the reason.
    private string? Cell(object? value, FeatureSpec feature, double[]? numbers, string?[]? texts, int row)
    {
        if (ReferenceEquals(value, RawValues.Absent)) return $"missing: the model needs '{feature.Name}' (give an empty value or null when unknown)";
        if (value is string s)
        {
            var trimmed = s.Trim();
            if (trimmed.Length == 0 || _missing.Contains(trimmed)) value = null;
            else if (numbers is null)
            {
                if (trimmed.Length > _maxText) return $"{trimmed.Length} characters; at most {_maxText} (serving.max_text_length)";
                texts![row] = trimmed;
                return null;
            }
            else if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)) value = parsed;
            else return $"'{Clip(trimmed)}' is not a number ({feature.Type.ToName()})";
        }
        switch (value)
        {
            case null:
                if (numbers is not null) numbers[row] = double.NaN;
                else texts![row] = null;
                return null;
            case RawValues.Structured structured:
                return $"expected a single value, got {structured.Kind}";
            case bool b:
                if (numbers is not null) return $"expected a number ({feature.Type.ToName()}), got the boolean {(b ? "true" : "false")}";
                texts![row] = b ? "true" : "false";
                return null;
        }
        var number = value switch { double d => d, long l => l, int i => i, float f => f, _ => double.NaN };
        if (value is not (double or long or int or float)) return $"unsupported value of type {value.GetType().Name}";
        if (texts is not null)
        {
            texts[row] = number.ToString("R", CultureInfo.InvariantCulture);
            return null;
        }
        if (!double.IsFinite(number)) return $"{number.ToString(CultureInfo.InvariantCulture)} is not a finite number";
        if (feature.Type == ColumnType.Integer && number != Math.Floor(number)) return $"expected an integer, got {number.ToString("R", CultureInfo.InvariantCulture)}";
        numbers![row] = number;
        return null;
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";

    // The features of each row as a JSON object, for the prediction log.
    private string[] InputsJson(DataTable table)
    {
        var inputs = new string[table.RowCount];
        var buffer = new ArrayBufferWriter<byte>(256);
        using var json = new Utf8JsonWriter(buffer);
        var names = _plan.Features.Select(f => JsonEncodedText.Encode(f.Name)).ToArray();
        for (var r = 0; r < inputs.Length; r++)
        {
            buffer.ResetWrittenCount();
            json.Reset(buffer);
            json.WriteStartObject();
            for (var f = 0; f < names.Length; f++)
            {
                switch (table.Columns[f])
                {
                    case NumericColumn n when !double.IsNaN(n.Values[r]): json.WriteNumber(names[f], n.Values[r]); break;
                    case TextColumn t when t.Values[r] is { } text: json.WriteString(names[f], text); break;
                    default: json.WriteNull(names[f]); break;
                }
            }
            json.WriteEndObject();
            json.Flush();
            inputs[r] = Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
        return inputs;
    }
}
