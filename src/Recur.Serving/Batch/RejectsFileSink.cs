using System.Text;
using System.Text.Json;

namespace Recur.Serving.Batch;

/// <summary>
/// Writes the refused rows as JSON Lines, <c>{"index":…,"key":…,"field":…,"error":…}</c>, in input order,
/// under a temporary name renamed when the run completes. A run that refuses nothing leaves no rejects
/// file (and removes one left by an earlier run, so the file always describes the last run).
/// </summary>
public sealed class RejectsFileSink : IBatchSink
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly string _path;
    private readonly string _temp;
    private StreamWriter? _writer;
    private bool _completed;

    /// <summary>A sink for <paramref name="path"/>; nothing is created until a row is refused.</summary>
    public RejectsFileSink(string path)
    {
        _path = System.IO.Path.GetFullPath(path);
        _temp = _path + $".{Environment.ProcessId}.tmp";
    }

    /// <summary>The refused rows written so far.</summary>
    public long Count { get; private set; }

    /// <summary>The file's full path.</summary>
    public string Path => _path;

    /// <inheritdoc />
    public async Task WriteAsync(ScoredChunk chunk, CancellationToken ct = default)
    {
        if (chunk.Rejects.Count == 0) return;
        if (_writer is null)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(_path)!);
            _writer = new StreamWriter(_temp, false, new UTF8Encoding(false));
        }
        foreach (var reject in chunk.Rejects) await _writer.WriteLineAsync(JsonSerializer.Serialize(reject, Options).AsMemory(), ct);
        Count += chunk.Rejects.Count;
    }

    /// <inheritdoc />
    public async Task CompleteAsync(CancellationToken ct = default)
    {
        if (_writer is null)
        {
            if (File.Exists(_path)) File.Delete(_path);
        }
        else
        {
            await _writer.FlushAsync(ct);
            await _writer.DisposeAsync();
            _writer = null;
            File.Move(_temp, _path, overwrite: true);
        }
        _completed = true;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_writer is not null) await _writer.DisposeAsync();
        if (!_completed && File.Exists(_temp)) File.Delete(_temp);
    }
}
