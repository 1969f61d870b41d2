using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Recur.Lake.Snapshots;

/// <summary>
/// Temporary files in the lake folder: hidden, named after the process writing them, and renamed into
/// place when complete. A process killed mid-write leaves its temporary file behind; the next ingest
/// deletes the ones whose process is gone (never those of a writer still running).
/// </summary>
public static partial class LakeTempFiles
{
    /// <summary>A new temporary file name in <paramref name="folder"/> owned by this process.</summary>
    public static string New(string folder) => Path.Combine(folder, $".{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");

    /// <summary>Deletes the temporary files in <paramref name="folder"/> left by processes no longer running; returns how many.</summary>
    public static int SweepAbandoned(string folder)
    {
        if (!Directory.Exists(folder)) return 0;
        var swept = 0;
        foreach (var path in Directory.EnumerateFiles(folder, ".*.tmp", new EnumerationOptions { AttributesToSkip = 0 }))
        {
            var match = Owned().Match(Path.GetFileName(path));
            if (!match.Success || !int.TryParse(match.Groups[1].Value, out var pid) || IsRunning(pid)) continue;
            try
            {
                File.Delete(path);
                swept++;
            }
            catch (IOException)
            {
                // Gone already, or in use after all: the next sweep will see it again.
            }
        }
        return swept;
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"^\.(\d+)-[0-9a-f]{32}\.tmp$")]
    private static partial Regex Owned();
}
