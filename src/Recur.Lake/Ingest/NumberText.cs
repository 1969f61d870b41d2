using System.Globalization;

namespace Recur.Lake.Ingest;

/// <summary>What a field's text is, as far as typing goes.</summary>
internal enum NumberKind : byte
{
    /// <summary>Not a number (or a number Recur does not accept, such as one with thousands separators).</summary>
    Other,

    /// <summary>An invariant-culture integer that fits a 64-bit signed integer.</summary>
    Integer,

    /// <summary>A finite invariant-culture real number that is not an integer literal.</summary>
    Real,
}

/// <summary>
/// Classifies and parses a trimmed UTF-8 field the way <see cref="TypeInference"/> defines numbers,
/// without making a string. Plain integers and short decimals (at most 15 significant digits, no
/// exponent) take a fast path: the decimal's digits form an integer below 2^53 and its scale is a
/// power of ten at most 10^22, both exact in a double, so one IEEE division gives the correctly
/// rounded value, identical to <see cref="double.Parse(string)"/>. Everything else falls back to the
/// framework parsers.
/// </summary>
internal static class NumberText
{
    private static readonly double[] PowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>The kind of <paramref name="text"/> and, for a number, its value.</summary>
    public static NumberKind Classify(ReadOnlySpan<byte> text, out double value)
    {
        value = double.NaN;
        if (text.IsEmpty) return NumberKind.Other;
        var first = text[0];
        // Every number Recur accepts starts with a digit, a sign or a decimal point.
        if (!(IsDigit(first) || first is (byte)'-' or (byte)'+' or (byte)'.')) return NumberKind.Other;

        var i = 0;
        var negative = false;
        if (first is (byte)'-' or (byte)'+') { negative = first == '-'; i = 1; }
        ulong mantissa = 0;
        var digits = 0;
        var significant = 0;
        while (i < text.Length && IsDigit(text[i]))
        {
            mantissa = unchecked(mantissa * 10 + (ulong)(text[i] - '0'));
            if (mantissa != 0) significant++;
            digits++;
            i++;
        }
        if (i == text.Length)
        {
            if (digits == 0) return NumberKind.Other;
            if (digits <= 18)
            {
                var whole = negative ? -(long)mantissa : (long)mantissa;
                value = whole;
                return NumberKind.Integer;
            }
            return Slow(text, out value);
        }
        if (text[i] != '.') return Slow(text, out value);
        i++;
        var scale = 0;
        while (i < text.Length && IsDigit(text[i]))
        {
            mantissa = unchecked(mantissa * 10 + (ulong)(text[i] - '0'));
            if (mantissa != 0) significant++;
            scale++;
            digits++;
            i++;
        }
        if (i != text.Length || digits == 0 || significant > 15 || digits > 19 || scale > 22) return Slow(text, out value);
        var magnitude = mantissa / PowersOfTen[scale];
        value = negative ? -magnitude : magnitude;
        return NumberKind.Real;
    }

    private static NumberKind Slow(ReadOnlySpan<byte> text, out double value)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
        {
            value = whole;
            return NumberKind.Integer;
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value)) return NumberKind.Real;
        value = double.NaN;
        return NumberKind.Other;
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;
}
