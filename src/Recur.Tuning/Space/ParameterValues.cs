using System.Globalization;

namespace Recur.Tuning;

/// <summary>
/// Reading and writing a trial's values as text (as the journal and lineage keep them): an integer without a fraction, a real
/// round-tripping ("R"), a choice by its name; and whether a conditional parameter is active under an assignment.
/// </summary>
public static class ParameterValues
{
    /// <summary>Formats an int parameter's value.</summary>
    public static string FormatInt(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats a real parameter's value so that it parses back to the same double.</summary>
    public static string FormatReal(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Formats a value of <paramref name="parameter"/> given on its numeric scale (ints are rounded).</summary>
    public static string Format(ParameterSpace parameter, double value) => parameter.Kind == ParameterKind.Int
        ? FormatInt((long)Math.Round(value, MidpointRounding.AwayFromZero))
        : FormatReal(value);

    /// <summary>The int value of <paramref name="name"/> in <paramref name="parameters"/>.</summary>
    public static int GetInt(this IReadOnlyDictionary<string, string> parameters, string name) =>
        (int)Math.Round(double.Parse(parameters[name], NumberStyles.Float, CultureInfo.InvariantCulture), MidpointRounding.AwayFromZero);

    /// <summary>The real value of <paramref name="name"/> in <paramref name="parameters"/>.</summary>
    public static double GetReal(this IReadOnlyDictionary<string, string> parameters, string name) =>
        double.Parse(parameters[name], NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>The chosen name of <paramref name="name"/> in <paramref name="parameters"/>.</summary>
    public static string GetChoice(this IReadOnlyDictionary<string, string> parameters, string name) => parameters[name];

    /// <summary>
    /// Whether <paramref name="parameter"/> is searched under <paramref name="assignment"/> (the values drawn so far): always when it has
    /// no condition, else when its condition's choice was drawn and has one of the listed values.
    /// </summary>
    public static bool IsActive(this SearchSpace space, ParameterSpace parameter, IReadOnlyDictionary<string, string> assignment)
    {
        ArgumentNullException.ThrowIfNull(space);
        return parameter.When is not { } when
            || (assignment.TryGetValue(when.Parameter, out var value) && when.Values.Contains(value));
    }
}
