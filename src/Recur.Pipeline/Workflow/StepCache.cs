namespace Recur.Pipeline.Workflow;

/// <summary>
/// Step outputs on disk, <c>.recur/cache/STEP/KEY/</c>. An entry is written in a temporary folder beside it and renamed into place
/// once complete, so a kill leaves either the whole entry or a <c>.tmp-</c> folder that is never read (and is swept later).
/// </summary>
/// <param name="Root">The cache folder (<c>.recur/cache</c>).</param>
/// <param name="Enabled">False (<c>pipeline.cache: false</c>, <c>--no-cache</c>): nothing is read or written.</param>
public sealed record StepCache(string Root, bool Enabled)
{
    /// <summary>The prefix of an entry still being written.</summary>
    public const string TempPrefix = ".tmp-";

    /// <summary>The folder of a complete entry, or null when there is none (or the cache is off).</summary>
    public string? Find(string step, string key)
    {
        if (!Enabled) return null;
        var folder = Path.Combine(Root, step, key);
        return Directory.Exists(folder) ? folder : null;
    }

    /// <summary>
    /// Stores an entry: <paramref name="write"/> fills a temporary folder, which is then renamed to the entry's folder. Another
    /// process that stored the same key first wins (same inputs, same output). Returns the entry's folder.
    /// </summary>
    public string Store(string step, string key, Action<string> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var parent = Path.Combine(Root, step);
        var folder = Path.Combine(parent, key);
        Directory.CreateDirectory(parent);
        var temp = Path.Combine(parent, $"{TempPrefix}{key}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(temp);
        try
        {
            write(temp);
            if (Directory.Exists(folder)) return folder;
            Directory.Move(temp, folder);
            return folder;
        }
        catch (IOException) when (Directory.Exists(folder))
        {
            return folder;
        }
        finally
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        }
    }

    /// <summary>Deletes temporary folders left by killed runs that are older than <paramref name="age"/>; returns how many.</summary>
    public int Sweep(TimeSpan age, DateTimeOffset now)
    {
        if (!Directory.Exists(Root)) return 0;
        var swept = 0;
        foreach (var temp in Directory.EnumerateDirectories(Root, TempPrefix + "*", SearchOption.AllDirectories).ToList())
        {
            if (now.UtcDateTime - Directory.GetLastWriteTimeUtc(temp) < age) continue;
            try { Directory.Delete(temp, recursive: true); swept++; } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
        return swept;
    }
}
