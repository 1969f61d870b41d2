using System.Globalization;
using System.Text;
using System.Text.Json;
using Recur.Core.Modeling;
using Recur.Serving.Requests;

namespace Recur.Serving.Batch;

/// <summary>
/// Writes scored rows in input order to a file, as JSON Lines when its name ends in <c>.jsonl</c> or
/// <c>.ndjson</c>, else as CSV: binary <c>key,label,score,model_version</c>; multiclass adds
/// <c>score_&lt;class&gt;</c> columns; regression <c>key,value,model_version</c>. With safeguards declared, a last
/// <c>rules</c> column (CSV: the fired rules joined by spaces; JSON Lines: an array, left out when none fired). The file is written under a
/// temporary name and renamed when the run completes, so a failed run leaves no partial output (and
/// an earlier output in place).
/// </summary>
public sealed class PredictionFileSink : IBatchSink
{
    // A file, not HTML: '<=50K' stays readable.
    private static readonly JsonSerializerOptions Relaxed = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
    private readonly string _path;
    private readonly string _temp;
    private readonly StreamWriter _writer;
    private readonly bool _jsonLines;
    private readonly FeaturePlan _plan;
    private readonly bool _rules;
    private bool _completed;

    /// <summary>Opens the temporary file beside <paramref name="path"/>; <paramref name="rules"/> adds the safeguard rules that fired.</summary>
    public PredictionFileSink(string path, FeaturePlan plan, bool rules = false)
    {
        _rules = rules;
        _path = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        _temp = _path + $".{Environment.ProcessId}.tmp";
        _plan = plan;
        _jsonLines = IsJsonLines(path);
        _writer = new StreamWriter(_temp, false, new UTF8Encoding(false), 1 << 16);
        if (!_jsonLines) _writer.WriteLine(Header(plan) + (rules ? ",rules" : ""));
    }

    /// <summary>Whether a file name asks for JSON Lines.</summary>
    public static bool IsJsonLines(string path) =>
        path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public async Task WriteAsync(ScoredChunk chunk, CancellationToken ct = default)
    {
        var text = new StringBuilder(chunk.Results.Count * 48);
        foreach (var r in chunk.Results)
        {
            if (_jsonLines) text.Append(JsonLine(r)).Append('\n');
            else text.Append(CsvLine(r)).Append(_rules ? "," + Quote(string.Join(' ', r.Rules ?? [])) : "").Append('\n');
        }
        await _writer.WriteAsync(text, ct);
    }

    /// <inheritdoc />
    public async Task CompleteAsync(CancellationToken ct = default)
    {
        await _writer.FlushAsync(ct);
        await _writer.DisposeAsync();
        File.Move(_temp, _path, overwrite: true);
        _completed = true;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync();
        if (!_completed && File.Exists(_temp)) File.Delete(_temp);
    }

    private static string Header(FeaturePlan plan) => plan.Task switch
    {
        ModelTask.Regression => "key,value,model_version",
        // Multilabel: label is the logged set (FeaturePlan.FormatSet), score the highest label probability, then each label's.
        ModelTask.Multiclass or ModelTask.Multilabel => "key,label,score" + string.Concat(plan.Classes.Select(c => "," + Quote("score_" + c))) + ",model_version",
        _ => "key,label,score,model_version",
    };

    private string CsvLine(PredictionResult r)
    {
        var score = r.Score.ToString("R", CultureInfo.InvariantCulture);
        if (r.Task == ModelTask.Regression) return $"{Quote(r.Key)},{score},{r.ModelVersion}";
        var perClass = r.Task is ModelTask.Multiclass or ModelTask.Multilabel ? string.Concat(_plan.Classes.Select(c => "," + r.Scores![c].ToString("R", CultureInfo.InvariantCulture))) : "";
        return $"{Quote(r.Key)},{Quote(r.Label)},{score}{perClass},{r.ModelVersion}";
    }

    private string JsonLine(PredictionResult r)
    {
        var rules = _rules && r.Rules is { Count: > 0 } fired ? fired : null;
        return r.Task switch
        {
            ModelTask.Regression => JsonSerializer.Serialize(new { key = r.Key, value = r.Score, model_version = r.ModelVersion, rules }, Relaxed),
            ModelTask.Multilabel => JsonSerializer.Serialize(new { key = r.Key, labels = r.Detail?.Labels, scores = r.Scores, model_version = r.ModelVersion, rules }, Relaxed),
            ModelTask.Multiclass => JsonSerializer.Serialize(new { key = r.Key, label = r.Label, scores = r.Scores, model_version = r.ModelVersion, rules }, Relaxed),
            _ => JsonSerializer.Serialize(new { key = r.Key, label = r.Label, score = r.Score, model_version = r.ModelVersion, rules }, Relaxed),
        };
    }

    private static string Quote(string s) => s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
