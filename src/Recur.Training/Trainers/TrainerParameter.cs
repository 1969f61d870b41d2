using System.Globalization;

namespace Recur.Training.Trainers;

/// <summary>A trainer parameter: its default and the closed range [<see cref="Min"/>, <see cref="Max"/>] it must lie in.</summary>
/// <param name="Name">The key under <c>params:</c> in recur.yaml.</param>
/// <param name="Description">What it controls, for docs and errors.</param>
/// <param name="Default">The value used when recur.yaml does not set it.</param>
/// <param name="Min">The smallest allowed value (exclusive when <paramref name="MinExclusive"/>).</param>
/// <param name="Max">The largest allowed value.</param>
/// <param name="Integer">Whether the value must be a whole number.</param>
/// <param name="MinExclusive">Whether <paramref name="Min"/> itself is excluded.</param>
public sealed record TrainerParameter(string Name, string Description, double Default, double Min, double Max, bool Integer = false, bool MinExclusive = false)
{
    /// <summary>
    /// Whether lineage records it only when it differs from its default: a parameter added after models were
    /// registered, so that a model fitted with the default keeps its manifest, and its file, byte for byte.
    /// </summary>
    public bool RecordedWhenSet { get; init; }

    /// <summary>Whether <paramref name="value"/> lies in the allowed range (integers aside).</summary>
    public bool Allows(double value) => value >= Min && !(MinExclusive && value == Min) && value <= Max;

    /// <summary>An integer parameter.</summary>
    public static TrainerParameter Whole(string name, string description, int @default, int min, int max = 1_000_000) =>
        new(name, description, @default, min, max, Integer: true);

    /// <summary>A real parameter.</summary>
    public static TrainerParameter Real(string name, string description, double @default, double min, double max, bool minExclusive = false) =>
        new(name, description, @default, min, max, MinExclusive: minExclusive);

    /// <summary>Reads a value from recur.yaml text; null and a reason when it is not a number in range.</summary>
    public double? Parse(string text, out string? problem)
    {
        problem = null;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            problem = $"'{text}' is not a number; expected {Range}";
            return null;
        }
        if ((Integer && value != Math.Floor(value)) || value < Min || (MinExclusive && value == Min) || value > Max)
        {
            problem = $"{text} is out of range; expected {Range}";
            return null;
        }
        return value;
    }

    /// <summary>The allowed values in words, e.g. "an integer in [2, 1000000]".</summary>
    public string Range => $"{(Integer ? "an integer" : "a number")} in {(MinExclusive ? "(" : "[")}{Format(Min)}, {Format(Max)}]";

    /// <summary>A value as lineage records it: integers without a fraction, reals round-tripping.</summary>
    public string Format(double value) =>
        Integer ? ((long)value).ToString(CultureInfo.InvariantCulture) : value.ToString("R", CultureInfo.InvariantCulture);
}
