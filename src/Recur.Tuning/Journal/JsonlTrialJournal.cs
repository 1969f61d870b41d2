using System.Text;
using System.Text.Json;
using Recur.Core;
using Recur.Tuning.Internal;

namespace Recur.Tuning;

/// <summary>
/// A journal in a JSON Lines file: one line per finished trial, appended and flushed to disk before the study goes on, so a killed
/// study loses at most the trials that were running. A torn last line (the kill came mid-write) is ignored when read and cut off
/// before the next append; a damaged line anywhere else fails naming the file and line.
/// </summary>
public sealed class JsonlTrialJournal(string path) : ITrialJournal
{
    /// <summary>The file's path.</summary>
    public string Path { get; } = path;

    /// <inheritdoc />
    public IReadOnlyList<TrialRecord> Load()
    {
        if (!File.Exists(Path))
            return [];
        var text = File.ReadAllText(Path, Encoding.UTF8);
        var lines = text.Split('\n');
        var trials = new Dictionary<int, TrialRecord>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Length == 0)
                continue;
            var complete = i < lines.Length - 1; // the text after the last newline is a line still being written
            try
            {
                var record = JournalLine.Read(line);
                trials[record.Number] = record;
            }
            catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
            {
                if (complete)
                    throw RecurException.Invalid($"{Path}: line {i + 1} is not a trial record: {e.Message}");
            }
        }
        return [.. trials.Values.OrderBy(t => t.Number)];
    }

    /// <inheritdoc />
    public void Append(TrialRecord trial)
    {
        ArgumentNullException.ThrowIfNull(trial);
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path));
        if (!string.IsNullOrEmpty(directory))
            Directory.CreateDirectory(directory);
        using var stream = new FileStream(Path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        CutTornTail(stream);
        stream.Seek(0, SeekOrigin.End);
        var bytes = Encoding.UTF8.GetBytes(JournalLine.Write(trial) + "\n");
        stream.Write(bytes);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Cuts a last line that has no newline (a write a kill interrupted), so the next line starts clean.</summary>
    private static void CutTornTail(FileStream stream)
    {
        var end = stream.Length;
        if (end == 0)
            return;
        var one = new byte[1];
        var position = end;
        while (position > 0)
        {
            stream.Seek(position - 1, SeekOrigin.Begin);
            stream.ReadExactly(one);
            if (one[0] == (byte)'\n')
                break;
            position--;
        }
        if (position != end)
            stream.SetLength(position);
    }
}
