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

    // A slot holds what a look-up compares (hash, length, the first 16 bytes) so that a hit on a short
    // value reads nothing else; longer values are compared with their bytes in the UTF-8 table.
    private struct Entry
    {
        public ulong A;
        public ulong B;
        public int Hash;
        public int Length;
        public int CodePlusOne; // 0 = empty slot
    }

    /// <summary>The values by code (valid below the codes issued so far).</summary>
    public string[] Values => _values;

    /// <summary>The values' UTF-8 bytes by code.</summary>
    public byte[][] Utf8 => _utf8;

    /// <summary>The string for the bytes, and its code; -1 when the value is not remembered (too long, too many values).</summary>
    public string Get(ReadOnlySpan<byte> utf8, out int code)
    {
        code = Code(utf8);
        return code < 0 ? Encoding.UTF8.GetString(utf8) : _values[code];
    }

    /// <summary>The code for the bytes (remembering them if new), or -1 when the value is not remembered (too long, too many values).</summary>
    public int Code(ReadOnlySpan<byte> utf8)
    {
        if (_full || utf8.Length > MaxLength) return -1;
        // Values of up to 16 bytes (most categories) are compared as two words held in the slot.
        var (a, b) = Words(utf8);
        var length = utf8.Length;
        var hash = length <= 16 ? Mix(a, b, length) : Hash(utf8);
        var slots = _slots;
        var mask = slots.Length - 1;
        for (var i = hash & mask; ; i = (i + 1) & mask)
        {
            ref var slot = ref slots[i];
            if (slot.CodePlusOne == 0) return Add(ref slot, hash, a, b, utf8);
            if (slot.Hash != hash || slot.Length != length || slot.A != a || slot.B != b) continue;
            var code = slot.CodePlusOne - 1;
            if (length <= 16 || utf8.SequenceEqual(_utf8[code])) return code;
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

    private int Add(ref Entry slot, int hash, ulong a, ulong b, ReadOnlySpan<byte> utf8)
    {
        if (_count >= MaxDistinct)
        {
            _full = true;
            _slots = [];
            return -1;
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
        var code = _count;
        slot = new Entry { Hash = hash, Length = utf8.Length, A = a, B = b, CodePlusOne = code + 1 };
        _values[code] = Encoding.UTF8.GetString(utf8);
        _utf8[code] = utf8.ToArray();
        if (++_count * 2 > _slots.Length) Grow();
        return code;
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new Entry[old.Length * 2];
        var mask = _slots.Length - 1;
        foreach (var entry in old)
        {
            if (entry.CodePlusOne == 0) continue;
            var i = entry.Hash & mask;
            while (_slots[i].CodePlusOne != 0) i = (i + 1) & mask;
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
