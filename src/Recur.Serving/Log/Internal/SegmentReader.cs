using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;

namespace Recur.Serving.Log.Internal;

/// <summary>How a scan of frames ended.</summary>
internal enum ScanEnd
{
    /// <summary>Every byte belonged to a whole, valid frame.</summary>
    Clean,
    /// <summary>The last frame runs past the end of what was read (torn at the end of a file).</summary>
    Incomplete,
    /// <summary>A frame has a bad length or checksum; nothing from there on can be trusted.</summary>
    Corrupt,
}

/// <summary>One frame found by a scan: where its header starts and its payload's slice of the scanned bytes.</summary>
internal readonly record struct FoundFrame(long Offset, int PayloadStart, int PayloadLength);

/// <summary>Reads frames out of a segment: whole ones are returned, a torn or corrupt tail is reported, never returned.</summary>
internal static class SegmentReader
{
    /// <summary>
    /// The whole frames in <paramref name="data"/> (read from file offset <paramref name="baseOffset"/>), at most
    /// <paramref name="maxFrames"/>; returns how many bytes they take and why the scan stopped.
    /// </summary>
    public static (int Consumed, ScanEnd End) Scan(ReadOnlySpan<byte> data, long baseOffset, List<FoundFrame> frames, int maxFrames = int.MaxValue)
    {
        var at = 0;
        while (frames.Count < maxFrames && at < data.Length)
        {
            if (data.Length - at < LogFrame.HeaderBytes) return (at, ScanEnd.Incomplete);
            var length = BinaryPrimitives.ReadUInt32LittleEndian(data[at..]);
            if (length == 0 || length > LogFrame.MaxPayloadBytes) return (at, ScanEnd.Corrupt);
            if (data.Length - at - LogFrame.HeaderBytes < length) return (at, ScanEnd.Incomplete);
            var payload = data.Slice(at + LogFrame.HeaderBytes, (int)length);
            if (Crc32.Of(payload) != BinaryPrimitives.ReadUInt32LittleEndian(data[(at + 4)..])) return (at, ScanEnd.Corrupt);
            frames.Add(new FoundFrame(baseOffset + at, at + LogFrame.HeaderBytes, (int)length));
            at += LogFrame.HeaderBytes + (int)length;
        }
        return (at, ScanEnd.Clean);
    }

    /// <summary>
    /// Reads whole frames of a segment file from <paramref name="from"/> up to <paramref name="until"/> (at most about
    /// <paramref name="maxBytes"/>, but always at least one frame). Returns the bytes read (frames point into it), where
    /// the frames end, and why the read stopped (<see cref="ScanEnd.Clean"/> when it reached <paramref name="until"/>
    /// or the byte budget).
    /// </summary>
    public static (byte[] Data, long End, ScanEnd Stop) Read(SafeFileHandle file, long from, long until, int maxBytes, List<FoundFrame> frames)
    {
        var size = (int)Math.Min(until - from, maxBytes);
        while (true)
        {
            var data = new byte[size];
            var read = 0;
            while (read < size)
            {
                var n = RandomAccess.Read(file, data.AsSpan(read), from + read);
                if (n == 0) break;
                read += n;
            }
            frames.Clear();
            var (consumed, end) = Scan(data.AsSpan(0, read), from, frames);
            var reachedUntil = read < size || from + read >= until; // the file may end before until
            // A frame cut by the byte budget (not by the end of the data) is read again with room for it.
            if (end == ScanEnd.Incomplete && !reachedUntil && frames.Count == 0)
            {
                var length = read >= 4 ? (int)BinaryPrimitives.ReadUInt32LittleEndian(data) : 0;
                size = (int)Math.Min(until - from, LogFrame.HeaderBytes + (long)length);
                continue;
            }
            var stop = end == ScanEnd.Incomplete && !reachedUntil ? ScanEnd.Clean : end;
            return (data, from + consumed, stop);
        }
    }

    /// <summary>Scans a whole segment file from <paramref name="from"/>: where its valid frames end, its length, how it ends and how many frames it holds.</summary>
    public static (long ValidEnd, long Length, ScanEnd End, int Frames) ScanFile(string path, long from)
    {
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var length = RandomAccess.GetLength(file);
        var frames = new List<FoundFrame>();
        var (at, count) = (Math.Min(from, length), 0);
        while (at < length)
        {
            var (_, end, stop) = Read(file, at, length, 4 << 20, frames);
            count += frames.Count;
            if (end == at) return (at, length, stop == ScanEnd.Clean ? ScanEnd.Incomplete : stop, count);
            at = end;
            if (stop != ScanEnd.Clean) return (at, length, stop, count);
        }
        return (at, length, ScanEnd.Clean, count);
    }
}
