using System.IO.Compression;

namespace Recur.Training.Internal;

/// <summary>
/// Copies a zip archive entry by entry, in the same order, giving every entry one fixed time. ML.NET
/// stamps the entries of the model it saves with the wall clock, which would make two identical models
/// differ in their bytes and so in their SHA-256.
/// </summary>
internal static class ReproducibleZip
{
    /// <summary>The time every entry carries.</summary>
    public static readonly DateTimeOffset EntryTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Writes <paramref name="source"/>'s entries to <paramref name="target"/> as a new archive with fixed times.</summary>
    public static void Rewrite(Stream source, Stream target)
    {
        source.Position = 0;
        using var input = new ZipArchive(source, ZipArchiveMode.Read, leaveOpen: true);
        using var output = new ZipArchive(target, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var entry in input.Entries)
        {
            var copy = output.CreateEntry(entry.FullName, CompressionLevel.Optimal);
            copy.LastWriteTime = EntryTime;
            using var from = entry.Open();
            using var to = copy.Open();
            from.CopyTo(to);
        }
    }
}
