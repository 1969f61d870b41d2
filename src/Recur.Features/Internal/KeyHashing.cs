using System.Buffers;
using System.Globalization;
using System.Text;
using Recur.Core.Data;
using Recur.Core.Hashing;

namespace Recur.Features.Internal;

/// <summary>
/// Fingerprint64 buckets of values as text, written into a reused buffer instead of a string per row (the hash and cross
/// hot path). The bytes hashed are exactly those of <see cref="Fingerprint64.Hash(string)"/> on <see cref="DataColumn.Format"/>.
/// </summary>
internal sealed class KeyHashing
{
    private char[] _chars = new char[128];
    private int _length;

    /// <summary>Empties the key.</summary>
    public void Clear() => _length = 0;

    /// <summary>Appends one character.</summary>
    public void Append(char c)
    {
        Ensure(1);
        _chars[_length++] = c;
    }

    /// <summary>Appends a row's value as <see cref="DataColumn.Format"/> writes it; nothing when it is missing. False when missing.</summary>
    public bool Append(DataColumn column, int row)
    {
        switch (column)
        {
            case NumericColumn n:
                var value = n.Values[row];
                if (double.IsNaN(value)) return false;
                int written;
                while (!value.TryFormat(_chars.AsSpan(_length), out written, "R", CultureInfo.InvariantCulture)) Ensure(_chars.Length);
                _length += written;
                return true;
            case TextColumn t:
                if (t.Values[row] is not { } text) return false;
                Ensure(text.Length);
                text.CopyTo(_chars.AsSpan(_length));
                _length += text.Length;
                return true;
            default:
                if (column.Format(row) is not { } other) return false;
                Ensure(other.Length);
                other.CopyTo(_chars.AsSpan(_length));
                _length += other.Length;
                return true;
        }
    }

    /// <summary>The bucket of the key so far: ABS(MOD(FARM_FINGERPRINT(key), buckets)).</summary>
    public int Bucket(int buckets)
    {
        var key = _chars.AsSpan(0, _length);
        var size = Encoding.UTF8.GetMaxByteCount(key.Length);
        if (size <= 512)
        {
            Span<byte> bytes = stackalloc byte[512];
            return Fingerprint64.Bucket(Fingerprint64.Hash(bytes[..Encoding.UTF8.GetBytes(key, bytes)]), buckets);
        }
        var rented = ArrayPool<byte>.Shared.Rent(size);
        var bucket = Fingerprint64.Bucket(Fingerprint64.Hash(rented.AsSpan(0, Encoding.UTF8.GetBytes(key, rented))), buckets);
        ArrayPool<byte>.Shared.Return(rented);
        return bucket;
    }

    private void Ensure(int more)
    {
        if (_length + more > _chars.Length) Array.Resize(ref _chars, Math.Max(_length + more, _chars.Length * 2));
    }
}
