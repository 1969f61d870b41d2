using System.Globalization;

namespace Recur.Serving.Log.Internal;

/// <summary>
/// The folder one process logs into: a sub-folder of <c>serving.log.dir</c> held by an exclusive lock on its
/// <c>lock</c> file (released by the operating system when the process dies, even by SIGKILL). At start a process adopts
/// the first sub-folder nobody holds — a crashed server's, whose frames it drains first — or creates a new one, so
/// replicas on one machine never share a folder. The folder's name is part of every record's log id.
/// </summary>
internal sealed class LogDirectory : IDisposable
{
    private const string LockName = "lock";
    private const string CheckpointName = "checkpoint";
    private const string SegmentExtension = ".seg";
    private readonly FileStream _lock;

    private LogDirectory(string path, FileStream lockFile)
    {
        (Path, _lock) = (path, lockFile);
        Instance = System.IO.Path.GetFileName(path);
    }

    /// <summary>The claimed folder.</summary>
    public string Path { get; }

    /// <summary>The folder's name: the log instance in every record's log id.</summary>
    public string Instance { get; }

    /// <summary>Adopts an unheld sub-folder of <paramref name="root"/>, else creates one.</summary>
    public static LogDirectory Claim(string root)
    {
        Directory.CreateDirectory(root);
        foreach (var folder in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            if (TryLock(folder) is { } held) return new LogDirectory(folder, held);
        }
        while (true)
        {
            var folder = System.IO.Path.Combine(root, Convert.ToHexStringLower(Guid.NewGuid().ToByteArray().AsSpan(0, 6)));
            Directory.CreateDirectory(folder);
            if (TryLock(folder) is { } held) return new LogDirectory(folder, held);
        }
    }

    private static FileStream? TryLock(string folder)
    {
        try
        {
            return new FileStream(System.IO.Path.Combine(folder, LockName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null; // another live process holds it
        }
    }

    /// <summary>The file of segment <paramref name="segment"/>.</summary>
    public string SegmentPath(long segment) => System.IO.Path.Combine(Path, segment.ToString("D10", CultureInfo.InvariantCulture) + SegmentExtension);

    /// <summary>The segments on disk, in order.</summary>
    public List<long> Segments() =>
        [.. Directory.GetFiles(Path, "*" + SegmentExtension)
            .Select(f => long.TryParse(System.IO.Path.GetFileNameWithoutExtension(f), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1)
            .Where(n => n >= 0).Order()];

    /// <summary>Where draining stopped, or null when nothing was ever drained (or the file is unreadable: draining again is harmless).</summary>
    public LogPosition? ReadCheckpoint()
    {
        var file = System.IO.Path.Combine(Path, CheckpointName);
        if (!File.Exists(file)) return null;
        var parts = File.ReadAllText(file).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length == 2 && long.TryParse(parts[0], CultureInfo.InvariantCulture, out var segment) && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var offset)
            ? new LogPosition(segment, offset) : null;
    }

    /// <summary>Records where draining stopped: written to a temporary file, then renamed over the old one.</summary>
    public void WriteCheckpoint(LogPosition position)
    {
        var file = System.IO.Path.Combine(Path, CheckpointName);
        File.WriteAllText(file + ".tmp", string.Create(CultureInfo.InvariantCulture, $"{position.Segment} {position.Offset}\n"));
        File.Move(file + ".tmp", file, overwrite: true);
    }

    public void Dispose() => _lock.Dispose();
}
