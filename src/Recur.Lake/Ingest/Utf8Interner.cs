using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace Recur.Lake.Ingest;

/// <summary>
/// Turns UTF-8 fields into strings, sharing one instance per distinct value while a column looks
/// categorical: a million rows of a 50-value column decode 50 strings, not a million. Past
/// <see cref="MaxDistinct"/> values (ids, free text) it stops remembering and decodes each field.
/// One interner belongs to one column and is used by one thread at a time.
/// Each remembered value also gets a code, its rank of first appearance, so that later stages (the
/// snapshot hash, dictionary pages in Parquet) can work from codes instead of strings. The value and
/// UTF-8 tables only grow: a table handed out stays valid for every code issued before.
/// </summary>
internal sealed class Utf8Interner
{
    private const int MaxDistinct = 1 << 16;
    private const int MaxLength = 256;

    private Entry[] _slots = new Entry[1024];
    private string[] _values = new string[256];
    private byte[][] _utf8 = new byte[256][];
    private int _count;
    private bool _full;

    private struct Entry
    {
        public ulong A;
        public ulong B;
        public int Hash;
        public int Code;
        public byte[]? Bytes;
    }

    /// <summary>The values by code (valid below the codes issued so far).</summary>
    public string[] Values => _values;

    /// <summary>The values' UTF-8 bytes by code.</summary>
    public byte[][] Utf8 => _utf8;

    /// <summary>The string for the bytes, and its code; -1 when the value is not remembered (too long, too many values).</summary>
    public string Get(ReadOnlySpan<byte> utf8, out int code)
    {
        code = -1;
        if (_full || utf8.Length > MaxLength) return Encoding.UTF8.GetString(utf8);
        // Values of up to 16 bytes (most categories) are compared as two words held in the slot.
        var (a, b) = Words(utf8);
        var hash = utf8.Length <= 16 ? Mix(a, b, utf8.Length) : Hash(utf8);
        var mask = _slots.Length - 1;
        for (var i = hash & mask; ; i = (i + 1) & mask)
        {
            ref var slot = ref _slots[i];
            if (slot.Bytes is null) return Add(ref slot, hash, a, b, utf8, out code);
            if (slot.Hash != hash || slot.Bytes.Length != utf8.Length) continue;
            if (utf8.Length <= 16 ? slot.A == a && slot.B == b : utf8.SequenceEqual(slot.Bytes))
            {
                code = slot.Code;
                return _values[code];
            }
        }
    }

    // The first 16 bytes as two little-endian words, zero-padded, read without copying: a word past the
    // value's end is read from the value's last 8 (or 4) bytes and shifted to drop the bytes it shares.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (ulong A, ulong B) Words(ReadOnlySpan<byte> utf8)
    {
        var n = utf8.Length;
        if (n >= 16) return (BinaryPrimitives.ReadUInt64LittleEndian(utf8), BinaryPrimitives.ReadUInt64LittleEndian(utf8[8..]));
        if (n >= 8) return (BinaryPrimitives.ReadUInt64LittleEndian(utf8), n == 8 ? 0 : BinaryPrimitives.ReadUInt64LittleEndian(utf8[(n - 8)..]) >> ((16 - n) * 8));
        if (n >= 4)
        {
            ulong low = BinaryPrimitives.ReadUInt32LittleEndian(utf8);
            ulong high = n == 4 ? 0 : BinaryPrimitives.ReadUInt32LittleEndian(utf8[(n - 4)..]) >> ((8 - n) * 8);
            return (low | (high << 32), 0);
        }
        ulong a = 0;
        for (var i = 0; i < n; i++) a |= (ulong)utf8[i] << (8 * i);
        return (a, 0);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Mix(ulong a, ulong b, int length)
    {
        var h = (a * 0x9E3779B97F4A7C15UL) ^ (b + (ulong)length) * 0xC2B2AE3D27D4EB4FUL;
        h ^= h >> 29;
        h *= 0xBF58476D1CE4E5B9UL;
        h ^= h >> 32;
        return (int)(h & 0x7fffffff);
    }

    private string Add(ref Entry slot, int hash, ulong a, ulong b, ReadOnlySpan<byte> utf8, out int code)
    {
        var value = Encoding.UTF8.GetString(utf8);
        code = -1;
        if (_count >= MaxDistinct)
        {
            _full = true;
            _slots = [];
            return value;
        }
        if (_count == _values.Length)
        {
            // New tables, not resized ones: batches already handed out keep reading the old tables.
            var values = new string[_count * 2];
            var bytes = new byte[_count * 2][];
            Array.Copy(_values, values, _count);
            Array.Copy(_utf8, bytes, _count);
            _values = values;
            _utf8 = bytes;
        }
        code = _count;
        slot = new Entry { Hash = hash, Code = code, A = a, B = b, Bytes = utf8.ToArray() };
        _values[code] = value;
        _utf8[code] = slot.Bytes;
        if (++_count * 2 > _slots.Length) Grow();
        return value;
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new Entry[old.Length * 2];
        var mask = _slots.Length - 1;
        foreach (var entry in old)
        {
            if (entry.Bytes is null) continue;
            var i = entry.Hash & mask;
            while (_slots[i].Bytes is not null) i = (i + 1) & mask;
            _slots[i] = entry;
        }
    }

    // FNV-1a over the bytes, then mixed so that the low bits used for the slot are well spread.
    private static int Hash(ReadOnlySpan<byte> utf8)
    {
        var h = 2166136261u;
        foreach (var b in utf8) h = (h ^ b) * 16777619u;
        h ^= h >> 15;
        h *= 0x2c1b3c6du;
        h ^= h >> 12;
        return (int)(h & 0x7fffffff);
    }
}
