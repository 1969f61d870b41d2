namespace Recur.Monitoring.Drift;

/// <summary>
/// Sorts doubles by an LSD radix sort on their IEEE-754 bits mapped to order-preserving unsigned keys, dropping
/// NaN on the way. Drift samples are large (a million reference rows per column) and every numeric statistic
/// needs them sorted, so this is the hot path: six passes of 11 bits, a pass skipped when every key shares its digit.
/// </summary>
internal static class RadixSort
{
    private const int DigitBits = 11;
    private const int Buckets = 1 << DigitBits;
    private const int Passes = (64 + DigitBits - 1) / DigitBits;

    // Below this size the comparison sort is as fast and needs no scratch arrays.
    private const int SmallSample = 2048;

    /// <summary>A sorted copy of <paramref name="values"/> without NaN entries (possibly empty).</summary>
    internal static double[] SortedWithoutNaN(ReadOnlySpan<double> values)
    {
        int count = 0;
        foreach (double value in values)
        {
            if (!double.IsNaN(value))
            {
                count++;
            }
        }

        if (count < SmallSample)
        {
            var small = new double[count];
            int at = 0;
            foreach (double value in values)
            {
                if (!double.IsNaN(value))
                {
                    small[at++] = value;
                }
            }

            Array.Sort(small);
            return small;
        }

        // Keys and scratch are per-thread buffers reused across columns: a million-row column would otherwise put
        // 16 MB of short-lived arrays on the large object heap per sort and trigger full collections.
        var keys = Buffer(ref t_keys, count);
        var scratch = Buffer(ref t_scratch, count);
        var histograms = t_histograms ??= new int[Passes * Buckets];
        Array.Clear(histograms);
        int next = 0;
        foreach (double value in values)
        {
            if (double.IsNaN(value))
            {
                continue;
            }

            ulong key = ToKey(value);
            keys[next++] = key;
            for (int p = 0; p < Passes; p++)
            {
                histograms[(p * Buckets) + (int)((key >> (p * DigitBits)) & (Buckets - 1))]++;
            }
        }

        var offsets = new int[Buckets];
        for (int p = 0; p < Passes; p++)
        {
            var histogram = histograms.AsSpan(p * Buckets, Buckets);
            if (histogram[(int)((keys[0] >> (p * DigitBits)) & (Buckets - 1))] == count)
            {
                continue; // every key has the same digit here: the pass would not move anything
            }

            int sum = 0;
            for (int b = 0; b < Buckets; b++)
            {
                offsets[b] = sum;
                sum += histogram[b];
            }

            int shift = p * DigitBits;
            for (int i = 0; i < count; i++)
            {
                ulong key = keys[i];
                scratch[offsets[(int)((key >> shift) & (Buckets - 1))]++] = key;
            }

            (keys, scratch) = (scratch, keys);
        }

        var sorted = GC.AllocateUninitializedArray<double>(count);
        for (int i = 0; i < count; i++)
        {
            sorted[i] = FromKey(keys[i]);
        }

        return sorted;
    }

    [ThreadStatic]
    private static ulong[]? t_keys;

    [ThreadStatic]
    private static ulong[]? t_scratch;

    [ThreadStatic]
    private static int[]? t_histograms;

    private static ulong[] Buffer(ref ulong[]? buffer, int count)
    {
        if (buffer is null || buffer.Length < count) buffer = GC.AllocateUninitializedArray<ulong>(count);
        return buffer;
    }

    // Negative numbers have every bit flipped (larger magnitude sorts lower); others get the sign bit set.
    private static ulong ToKey(double value)
    {
        ulong bits = (ulong)BitConverter.DoubleToInt64Bits(value);
        return (bits & 0x8000_0000_0000_0000UL) != 0 ? ~bits : bits | 0x8000_0000_0000_0000UL;
    }

    private static double FromKey(ulong key)
    {
        ulong bits = (key & 0x8000_0000_0000_0000UL) != 0 ? key & 0x7FFF_FFFF_FFFF_FFFFUL : ~key;
        return BitConverter.Int64BitsToDouble((long)bits);
    }
}
