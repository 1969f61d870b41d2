using System.Globalization;

namespace Recur.Features.Transforms;

/// <summary>What kind of value a transform parameter takes.</summary>
public enum ParameterKind
{
    /// <summary>A whole number in a range.</summary>
    Integer,

    /// <summary>A real number in a range.</summary>
    Real,

    /// <summary>One of a fixed set of words.</summary>
    Choice,

    /// <summary>true or false.</summary>
    Flag,

    /// <summary>A comma-separated, strictly increasing list of numbers.</summary>
    Numbers,

    /// <summary>A name of something stored (letters, digits, '-', '_', '.', '@'), e.g. an embedding artifact.</summary>
    Name,

    /// <summary>Any text of at most 1,000 characters, e.g. a fill value; empty when unset.</summary>
    Text,
}

/// <summary>A transform parameter: its kind, default and allowed values, checked when recur.yaml loads.</summary>
/// <param name="Name">The key under <c>params:</c>.</param>
/// <param name="Description">What it controls.</param>
/// <param name="Kind">The kind of value.</param>
/// <param name="Default">The value when unset ("" for none).</param>
/// <param name="Min">The smallest allowed number.</param>
/// <param name="Max">The largest allowed number.</param>
/// <param name="Choices">The allowed words of a <see cref="ParameterKind.Choice"/>.</param>
public sealed record TransformParameter(string Name, string Description, ParameterKind Kind, string Default, double Min = double.MinValue, double Max = double.MaxValue, IReadOnlyList<string>? Choices = null)
{
    /// <summary>An integer parameter.</summary>
    public static TransformParameter Whole(string name, string description, int @default, int min, int max) =>
        new(name, description, ParameterKind.Integer, @default.ToString(CultureInfo.InvariantCulture), min, max);

    /// <summary>A real parameter; an empty default means "not set".</summary>
    public static TransformParameter Real(string name, string description, double? @default, double min = double.MinValue, double max = double.MaxValue) =>
        new(name, description, ParameterKind.Real, @default?.ToString("R", CultureInfo.InvariantCulture) ?? "", min, max);

    /// <summary>A parameter taking one of a few words.</summary>
    public static TransformParameter Choice(string name, string description, string @default, params string[] choices) =>
        new(name, description, ParameterKind.Choice, @default, Choices: choices);

    /// <summary>A true/false parameter.</summary>
    public static TransformParameter Flag(string name, string description, bool @default) =>
        new(name, description, ParameterKind.Flag, @default ? "true" : "false");

    /// <summary>A list of numbers, e.g. bucket edges; empty by default.</summary>
    public static TransformParameter List(string name, string description) => new(name, description, ParameterKind.Numbers, "");

    /// <summary>A required name (no default): letters, digits, '-', '_', '.' and '@'.</summary>
    public static TransformParameter NameOf(string name, string description) => new(name, description, ParameterKind.Name, "");

    /// <summary>An optional free text (a word or a number), empty by default.</summary>
    public static TransformParameter Free(string name, string description) => new(name, description, ParameterKind.Text, "");

    /// <summary>Why <paramref name="text"/> is not a valid value, or null when it is.</summary>
    public string? Problem(string text)
    {
        switch (Kind)
        {
            case ParameterKind.Choice:
                return Choices!.Contains(text, StringComparer.Ordinal) ? null : $"'{text}' is not one of: {string.Join(", ", Choices!)}";
            case ParameterKind.Name:
                return text.Length > 0 && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '@') ? null
                    : $"'{text}' is not a name (letters, digits, '-', '_', '.', '@')";
            case ParameterKind.Text:
                return text.Length <= 1000 ? null : $"the text is {text.Length} characters long; at most 1,000";
            case ParameterKind.Flag:
                return text is "true" or "false" ? null : $"'{text}' is not true or false";
            case ParameterKind.Numbers:
                var numbers = ParseNumbers(text);
                if (numbers is null) return $"'{text}' is not a comma-separated list of numbers";
                if (numbers.Length == 0) return "the list is empty";
                for (var i = 1; i < numbers.Length; i++)
                {
                    if (numbers[i] <= numbers[i - 1]) return $"'{text}' must increase strictly";
                }
                return null;
            default:
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value)) return $"'{text}' is not a number; expected {Range}";
                return (Kind == ParameterKind.Integer && value != Math.Floor(value)) || value < Min || value > Max ? $"{text} is out of range; expected {Range}" : null;
        }
    }

    /// <summary>The allowed numbers in words.</summary>
    public string Range => $"{(Kind == ParameterKind.Integer ? "an integer" : "a number")} in [{Format(Min)}, {Format(Max)}]";

    /// <summary>Parses a comma-separated list of numbers; null when one is not a number.</summary>
    public static double[]? ParseNumbers(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var result = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out result[i]) || !double.IsFinite(result[i])) return null;
        }
        return result;
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
