using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using static System.Numerics.BitOperations;

namespace Recur.Core.Hashing;

/// <summary>
/// FarmHash <c>Fingerprint64</c> (<c>farmhashna::Hash64</c>): the function BigQuery exposes as
/// <c>FARM_FINGERPRINT</c>, so keys hashed here land in the same buckets as keys hashed in SQL.
/// </summary>
/// <remarks>
/// This is Recur's own implementation, written from the published FarmHash algorithm (Geoff Pike,
/// github.com/google/farmhash). Its output is verified against golden vectors produced by the
/// reference C++ library (<c>tests/data/golden/fingerprint64.tsv</c>) and against values published
/// in the BigQuery documentation. Fingerprint64 is defined never to change, so results are stable
/// across processes, machines and releases. It is not a cryptographic hash.
/// </remarks>
public static class Fingerprint64
{
    // Constants of the published algorithm (primes between 2^63 and 2^64).
    private const ulong K0 = 0xc3a5c85c97cb3127UL;
    private const ulong K1 = 0xb492b66fbe98f273UL;
    private const ulong K2 = 0x9ae16a3b2f90404fUL;
    private const ulong Seed = 81;

    // UTF-8 needs at most 3 bytes per UTF-16 code unit, so strings up to this many chars fit on the stack.
    private const int StackBufferBytes = 256;
    private const int MaxStackChars = StackBufferBytes / 3;

    /// <summary>Computes the Fingerprint64 of <paramref name="data"/>.</summary>
    /// <param name="data">The bytes to fingerprint.</param>
    /// <returns>The fingerprint reinterpreted as a signed 64-bit integer, exactly as BigQuery returns it.</returns>
    public static long Hash(ReadOnlySpan<byte> data) => unchecked((long)(data.Length switch
    {
        // Separate paths for short inputs keep the common case (short keys) cheap.
        <= 16 => HashLen0To16(data),
        <= 32 => HashLen17To32(data),
        <= 64 => HashLen33To64(data),
        _ => HashLong(data),
    }));

    /// <summary>
    /// Computes the Fingerprint64 of the UTF-8 encoding of <paramref name="value"/>; equal to
    /// BigQuery's <c>FARM_FINGERPRINT(value)</c> for a STRING value.
    /// </summary>
    /// <param name="value">The string to fingerprint. Lone surrogates are encoded as U+FFFD, as
    /// <see cref="Encoding.UTF8"/> does (BigQuery strings are always valid UTF-8).</param>
    /// <returns>The fingerprint as a signed 64-bit integer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public static long Hash(string value)
    {
        ArgumentNullException.ThrowIfNull(value);

        // Typical keys are short: encode on the stack so hashing them allocates nothing.
        if (value.Length <= MaxStackChars)
        {
            Span<byte> buffer = stackalloc byte[StackBufferBytes];
            int written = Encoding.UTF8.GetBytes(value, buffer);
            return Hash(buffer[..written]);
        }

        // Long strings: a pooled buffer. Nothing between Rent and Return can throw (invalid UTF-16 is
        // replaced, not rejected), so no try/finally is needed; a lost buffer would only be collected.
        byte[] rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetByteCount(value));
        long hash = Hash(rented.AsSpan(0, Encoding.UTF8.GetBytes(value, rented)));
        ArrayPool<byte>.Shared.Return(rented);
        return hash;
    }

    /// <summary>
    /// Maps a fingerprint to a bucket in <c>[0, buckets)</c> exactly like the BigQuery idiom
    /// <c>ABS(MOD(FARM_FINGERPRINT(x), buckets))</c>.
    /// </summary>
    /// <remarks>
    /// BigQuery's MOD keeps the sign of the dividend, as C#'s <c>%</c> does; taking the remainder
    /// before the absolute value also avoids overflow for <see cref="long.MinValue"/>.
    /// </remarks>
    /// <param name="fingerprint">A value returned by <see cref="Hash(string)"/> or <see cref="Hash(ReadOnlySpan{byte})"/>.</param>
    /// <param name="buckets">The number of buckets; must be positive.</param>
    /// <returns>The bucket index, in <c>[0, buckets)</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="buckets"/> is zero or negative.</exception>
    public static int Bucket(long fingerprint, int buckets)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(buckets);
        return (int)Math.Abs(fingerprint % buckets);
    }

    private static ulong HashLen0To16(ReadOnlySpan<byte> s)
    {
        unchecked
        {
            ulong len = (ulong)s.Length;
            if (len >= 8)
            {
                ulong mul = K2 + (len * 2);
                ulong a = Fetch64(s, 0) + K2;
                ulong b = Fetch64(s, s.Length - 8);
                ulong c = (RotateRight(b, 37) * mul) + a;
                ulong d = (RotateRight(a, 25) + b) * mul;
                return HashLen16(c, d, mul);
            }

            if (len >= 4)
            {
                ulong mul = K2 + (len * 2);
                ulong a = BinaryPrimitives.ReadUInt32LittleEndian(s);
                ulong b = BinaryPrimitives.ReadUInt32LittleEndian(s[^4..]);
                return HashLen16(len + (a << 3), b, mul);
            }

            if (len > 0)
            {
                // Bytes are unsigned here; the reference casts them to uint8_t too.
                uint y = s[0] + ((uint)s[s.Length >> 1] << 8);
                uint z = (uint)len + ((uint)s[^1] << 2);
                return ShiftMix((y * K2) ^ (z * K0)) * K2;
            }

            return K2;
        }
    }

    private static ulong HashLen17To32(ReadOnlySpan<byte> s)
    {
        unchecked
        {
            ulong mul = K2 + ((ulong)s.Length * 2);
            ulong a = Fetch64(s, 0) * K1;
            ulong b = Fetch64(s, 8);
            ulong c = Fetch64(s, s.Length - 8) * mul;
            ulong d = Fetch64(s, s.Length - 16) * K2;
            return HashLen16(RotateRight(a + b, 43) + RotateRight(c, 30) + d, a + RotateRight(b + K2, 18) + c, mul);
        }
    }

    private static ulong HashLen33To64(ReadOnlySpan<byte> s)
    {
        unchecked
        {
            ulong mul = K2 + ((ulong)s.Length * 2);
            ulong a = Fetch64(s, 0) * K2;
            ulong b = Fetch64(s, 8);
            ulong c = Fetch64(s, s.Length - 8) * mul;
            ulong d = Fetch64(s, s.Length - 16) * K2;
            ulong y = RotateRight(a + b, 43) + RotateRight(c, 30) + d;
            ulong z = HashLen16(y, a + RotateRight(b + K2, 18) + c, mul);
            ulong e = Fetch64(s, 16) * mul;
            ulong f = Fetch64(s, 24);
            ulong g = (y + Fetch64(s, s.Length - 32)) * mul;
            ulong h = (z + Fetch64(s, s.Length - 24)) * mul;
            return HashLen16(RotateRight(e + f, 43) + RotateRight(g, 30) + h, e + RotateRight(f + a, 18) + g, mul);
        }
    }

    // More than 64 bytes: mix 64-byte blocks into 56 bytes of state (v, w, x, y, z), then finish
    // with the last 64 bytes of input (which may overlap the final block already consumed).
    private static ulong HashLong(ReadOnlySpan<byte> s)
    {
        unchecked
        {
            ulong x = Seed;
            ulong y = (Seed * K1) + 113;
            ulong z = ShiftMix((y * K2) + 113) * K2;
            ulong v1 = 0, v2 = 0, w1 = 0, w2 = 0;
            x = (x * K2) + Fetch64(s, 0);

            int end = (s.Length - 1) / 64 * 64;
            for (int pos = 0; pos < end; pos += 64)
            {
                ReadOnlySpan<byte> block = s.Slice(pos, 64);
                x = RotateRight(x + y + v1 + Fetch64(block, 8), 37) * K1;
                y = RotateRight(y + v2 + Fetch64(block, 48), 42) * K1;
                x ^= w2;
                y += v1 + Fetch64(block, 40);
                z = RotateRight(z + w1, 33) * K1;
                (v1, v2) = WeakHashLen32WithSeeds(block, v2 * K1, x + w1);
                (w1, w2) = WeakHashLen32WithSeeds(block[32..], z + w2, y + Fetch64(block, 16));
                (x, z) = (z, x);
            }

            ReadOnlySpan<byte> last = s[^64..];
            ulong mul = K1 + ((z & 0xff) << 1);
            w1 += (ulong)((s.Length - 1) & 63);
            v1 += w1;
            w1 += v1;
            x = RotateRight(x + y + v1 + Fetch64(last, 8), 37) * mul;
            y = RotateRight(y + v2 + Fetch64(last, 48), 42) * mul;
            x ^= w2 * 9;
            y += (v1 * 9) + Fetch64(last, 40);
            z = RotateRight(z + w1, 33) * mul;
            (v1, v2) = WeakHashLen32WithSeeds(last, v2 * mul, x + w1);
            (w1, w2) = WeakHashLen32WithSeeds(last[32..], z + w2, y + Fetch64(last, 16));
            (x, z) = (z, x);
            return HashLen16(HashLen16(v1, w1, mul) + (ShiftMix(y) * K0) + z, HashLen16(v2, w2, mul) + x, mul);
        }
    }

    // Hashes 32 bytes plus two seeds into 16 bytes; "weak" but cheap, used inside the block loop.
    private static (ulong, ulong) WeakHashLen32WithSeeds(ReadOnlySpan<byte> s, ulong a, ulong b)
    {
        unchecked
        {
            ulong z = Fetch64(s, 24);
            a += Fetch64(s, 0);
            b = RotateRight(b + a + z, 21);
            ulong c = a;
            a += Fetch64(s, 8) + Fetch64(s, 16);
            b += RotateRight(a, 44);
            return (a + z, b + c);
        }
    }

    // Murmur-inspired mix of two 64-bit words with a length-dependent multiplier.
    private static ulong HashLen16(ulong u, ulong v, ulong mul)
    {
        unchecked
        {
            ulong a = (u ^ v) * mul;
            a ^= a >> 47;
            ulong b = (v ^ a) * mul;
            b ^= b >> 47;
            return b * mul;
        }
    }

    private static ulong ShiftMix(ulong value) => value ^ (value >> 47);

    // The algorithm is defined on little-endian words; this keeps results identical on any platform.
    private static ulong Fetch64(ReadOnlySpan<byte> s, int offset) => BinaryPrimitives.ReadUInt64LittleEndian(s[offset..]);
}
