using Recur.Core;

namespace Recur.Tuning;

/// <summary>Checks a search space before any trial runs, so an impossible range fails at once with the key that declares it.</summary>
public static class SearchSpaceCheck
{
    /// <summary>
    /// Throws <see cref="RecurException"/> (invalid input, naming the parameter's key) for the first impossible parameter: low above
    /// high, an empty choice, a log scale reaching 0 or below, a duplicate name, or a condition on an unknown, later or non-choice
    /// parameter or on a value its choice does not list.
    /// </summary>
    public static void Validate(SearchSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        var seen = new Dictionary<string, ParameterSpace>(StringComparer.Ordinal);
        foreach (var p in space.Parameters)
        {
            var key = KeyOf(p);
            if (string.IsNullOrWhiteSpace(p.Name))
                throw RecurException.Invalid($"{key}: a searched parameter needs a name", key);
            if (seen.ContainsKey(p.Name))
                throw RecurException.Invalid($"{key}: parameter '{p.Name}' is declared twice", key);
            CheckRange(p, key);
            if (p.When is { } when)
                CheckCondition(p, when, seen, space, key);
            seen[p.Name] = p;
        }
    }

    private static void CheckRange(ParameterSpace p, string key)
    {
        if (p.Kind == ParameterKind.Choice)
        {
            if (p.Choices is null || p.Choices.Count == 0)
                throw RecurException.Invalid($"{key}: a choice needs at least one value", key);
            var duplicate = p.Choices.GroupBy(c => c, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null)
                throw RecurException.Invalid($"{key}: the choice lists '{duplicate.Key}' twice", key);
            return;
        }
        if (!double.IsFinite(p.Low) || !double.IsFinite(p.High))
            throw RecurException.Invalid($"{key}: the range needs finite numbers, got [{p.Low:R}, {p.High:R}]", key);
        if (p.Low > p.High)
            throw RecurException.Invalid($"{key}: low {p.Low:R} is above high {p.High:R}", key);
        if (p.Log && p.Low <= 0)
            throw RecurException.Invalid($"{key}: a log-scale range must be above 0, got low {p.Low:R}", key);
        if (p.Kind == ParameterKind.Int && Math.Ceiling(p.Low) > Math.Floor(p.High))
            throw RecurException.Invalid($"{key}: no whole number lies in [{p.Low:R}, {p.High:R}]", key);
    }

    private static void CheckCondition(ParameterSpace p, Condition when, Dictionary<string, ParameterSpace> earlier, SearchSpace space, string key)
    {
        if (!earlier.TryGetValue(when.Parameter, out var parent))
        {
            var later = space.Parameters.Any(q => q.Name == when.Parameter);
            throw RecurException.Invalid(later
                ? $"{key}: the condition names '{when.Parameter}', which is declared after it (a condition names an earlier choice)"
                : $"{key}: the condition names '{when.Parameter}', which is not a searched parameter", key);
        }
        if (parent.Kind != ParameterKind.Choice)
            throw RecurException.Invalid($"{key}: the condition names '{when.Parameter}', which is not a choice", key);
        if (when.Values.Count == 0)
            throw RecurException.Invalid($"{key}: the condition on '{when.Parameter}' lists no values", key);
        var unknown = when.Values.FirstOrDefault(v => !parent.Choices!.Contains(v));
        if (unknown is not null)
            throw RecurException.Invalid(
                $"{key}: the condition asks for '{when.Parameter}' = '{unknown}', which is not one of its choices ({string.Join(", ", parent.Choices!)})", key);
    }

    private static string KeyOf(ParameterSpace p) => string.IsNullOrEmpty(p.Key) ? p.Name : p.Key;
}
