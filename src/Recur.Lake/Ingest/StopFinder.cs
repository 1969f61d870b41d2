using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Recur.Lake.Ingest;

/// <summary>
/// Finds the bytes that end or quote a field (the delimiter, a newline, the quote character) in a block.
/// Fields are short, so rather than a search call per field, one 32-byte comparison yields a bit
/// mask of every stop in the chunk, and the stops are taken from the mask one by one. Call
/// <see cref="Reset"/> when the block changes. With quoting off, pass '\n' as the quote.
/// </summary>
internal sealed class StopFinder(byte delimiter, byte quote = (byte)'"')
{
    private readonly SearchValues<byte> _stops = SearchValues.Create(delimiter, (byte)'\n', quote);
    private int _chunk = int.MinValue;
    private uint _mask;

    /// <summary>Forgets the cached mask (the block was replaced).</summary>
    public void Reset() => _chunk = int.MinValue;

    /// <summary>The first stop at or after <paramref name="p"/> and before <paramref name="len"/>, or -1.</summary>
    public int Next(byte[] buf, int p, int len)
    {
        if (!Vector256.IsHardwareAccelerated) return Scan(buf, p, len);
        var chunk = _chunk;
        if (p < chunk || p >= chunk + 32)
        {
            if (p + 32 > len) return Scan(buf, p, len);
            chunk = p;
            _mask = Stops(buf, chunk);
        }
        while (true)
        {
            var mask = _mask & (uint.MaxValue << (p - chunk));
            if (mask != 0)
            {
                _chunk = chunk;
                return chunk + BitOperations.TrailingZeroCount(mask);
            }
            chunk += 32;
            p = chunk;
            if (chunk + 32 > len)
            {
                _chunk = int.MinValue;
                return Scan(buf, chunk, len);
            }
            _mask = Stops(buf, chunk);
        }
    }

    private int Scan(byte[] buf, int p, int len)
    {
        var k = buf.AsSpan(p, len - p).IndexOfAny(_stops);
        return k < 0 ? -1 : p + k;
    }

    private uint Stops(byte[] buf, int at)
    {
        var bytes = Vector256.LoadUnsafe(ref MemoryMarshal.GetArrayDataReference(buf), (nuint)at);
        var stops = Vector256.Equals(bytes, Vector256.Create(delimiter))
            | Vector256.Equals(bytes, Vector256.Create((byte)'\n'))
            | Vector256.Equals(bytes, Vector256.Create(quote));
        return stops.ExtractMostSignificantBits();
    }
}
