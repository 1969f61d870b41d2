using Microsoft.Win32.SafeHandles;

namespace Recur.Serving.Log.Internal;

/// <summary>The file operations of the log writer: a seam where tests put a disk that fills up.</summary>
internal interface ISegmentIo
{
    /// <summary>Creates a new, empty segment file for writing.</summary>
    SafeFileHandle Create(string path);

    /// <summary>Writes the buffers back to back at <paramref name="offset"/>.</summary>
    void Write(SafeFileHandle file, IReadOnlyList<ReadOnlyMemory<byte>> buffers, long offset);

    /// <summary>Flushes the file's data and size to the device (fsync).</summary>
    void Flush(SafeFileHandle file);

    /// <summary>Cuts the file to <paramref name="length"/> bytes.</summary>
    void Truncate(SafeFileHandle file, long length);
}

/// <summary>The real file operations: <see cref="RandomAccess"/> writes and <see cref="RandomAccess.FlushToDisk"/>.</summary>
internal sealed class SegmentIo : ISegmentIo
{
    public static readonly SegmentIo Default = new();

    public SafeFileHandle Create(string path) => File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Read | FileShare.Delete);

    public void Write(SafeFileHandle file, IReadOnlyList<ReadOnlyMemory<byte>> buffers, long offset) => RandomAccess.Write(file, buffers, offset);

    public void Flush(SafeFileHandle file) => RandomAccess.FlushToDisk(file);

    public void Truncate(SafeFileHandle file, long length) => RandomAccess.SetLength(file, length);
}
