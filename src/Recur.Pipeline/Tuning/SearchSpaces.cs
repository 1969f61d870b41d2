using System.Globalization;
using Recur.Core;
using Recur.Core.Project;
using Recur.Training.Trainers;
using Recur.Tuning;

namespace Recur.Pipeline.Tuning;

/// <summary>
/// <c>training.search.space</c> as a <see cref="SearchSpace"/>. One trainer: its parameters, by their own names. Several: a
/// <c>trainer</c> choice first, then each trainer's parameters named <c>trainer.parameter</c> and active only when that
/// trainer is drawn. Every parameter must be one its trainer declares (<see cref="TrainerCatalog"/>), of the right kind,
/// and searched inside the range the trainer allows; each error names the parameter's recur.yaml key.
/// </summary>
public static class SearchSpaces
{
    /// <summary>The name of the choice between trainers when the space names several.</summary>
    public const string TrainerChoice = "trainer";

    /// <summary>The recur.yaml key of the space.</summary>
    public const string Key = "training.search.space";

    /// <summary>
    /// The space, checked: first each parameter's shape (a known trainer and parameter, exactly one of int, real or choice, two
    /// bounds), then the generic checks (<see cref="SearchSpaceCheck.Validate"/>: low above high, an empty choice, a log range
    /// reaching 0), then each range against what the trainer allows.
    /// </summary>
    public static SearchSpace From(SearchConfig search, TrainerCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(catalog);
        var several = search.Space.Count > 1;
        var parameters = new List<ParameterSpace>();
        var declared = new List<(ParameterSpace Space, TrainerParameter Parameter)>();
        if (several) parameters.Add(new ParameterSpace(TrainerChoice, ParameterKind.Choice, Choices: [.. search.Space.Keys], Key: Key));
        foreach (var (name, space) in search.Space)
        {
            var trainer = catalog.Get(name, $"{Key}.{name}");
            if (space.Count == 0) throw RecurException.Invalid($"{Key}.{name}: name at least one of {trainer.Name}'s parameters to search (known: {Known(trainer)})", $"{Key}.{name}");
            foreach (var (parameterName, declaration) in space)
            {
                var key = $"{Key}.{name}.{parameterName}";
                var parameter = trainer.Parameters.FirstOrDefault(p => p.Name == parameterName)
                    ?? throw RecurException.Invalid($"{key}: trainer '{trainer.Name}' has no parameter '{parameterName}' (known: {Known(trainer)})", key);
                var mapped = Map(declaration, parameter, key) with
                {
                    Name = several ? $"{name}.{parameterName}" : parameterName,
                    When = several ? new Condition(TrainerChoice, [name]) : null,
                };
                parameters.Add(mapped);
                declared.Add((mapped, parameter));
            }
        }
        var result = new SearchSpace(parameters);
        SearchSpaceCheck.Validate(result);
        foreach (var (space, parameter) in declared) InRange(space, parameter);
        return result;
    }

    /// <summary>A trial's trainer and its searched parameters (by the trainer's own names), as text.</summary>
    public static (string Trainer, IReadOnlyDictionary<string, string> Parameters) Split(SearchConfig search, IReadOnlyDictionary<string, string> trial)
    {
        ArgumentNullException.ThrowIfNull(search);
        ArgumentNullException.ThrowIfNull(trial);
        if (search.Space.Count == 1) return (search.Space.Keys.First(), trial);
        var trainer = trial[TrainerChoice];
        var prefix = trainer + ".";
        return (trainer, trial.Where(p => p.Key.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(p => p.Key[prefix.Length..], p => p.Value, StringComparer.Ordinal));
    }

    private static ParameterSpace Map(SearchParameterConfig declaration, TrainerParameter parameter, string key)
    {
        var kinds = new[] { declaration.Int is not null, declaration.Real is not null, declaration.Choice is not null }.Count(k => k);
        if (kinds != 1)
        {
            throw RecurException.Invalid($"{key}: give exactly one of int: [low, high], real: [low, high] or choice: [values] ({(kinds == 0 ? "none is given" : "several are given")})", key);
        }
        if (declaration.Choice is { } choice)
        {
            if (declaration.Log) throw RecurException.Invalid($"{key}.log: a choice has no scale; log is for int and real ranges", key + ".log");
            foreach (var value in choice)
            {
                if (parameter.Parse(value, out var problem) is null) throw RecurException.Invalid($"{key}.choice: {problem}", key + ".choice");
            }
            return new ParameterSpace(parameter.Name, ParameterKind.Choice, Choices: choice, Key: key + ".choice");
        }
        var isInt = declaration.Int is not null;
        var bounds = (declaration.Int ?? declaration.Real)!;
        var which = isInt ? "int" : "real";
        if (bounds.Count != 2) throw RecurException.Invalid($"{key}.{which}: give two bounds, [low, high], not {bounds.Count}", $"{key}.{which}");
        if (isInt && bounds.Any(b => b != Math.Floor(b))) throw RecurException.Invalid($"{key}.int: the bounds of an int range must be whole numbers", key + ".int");
        if (isInt != parameter.Integer)
        {
            throw RecurException.Invalid($"{key}.{which}: '{parameter.Name}' is {(parameter.Integer ? "a whole number: use int" : "a real number: use real")}: [low, high]", $"{key}.{which}");
        }
        return new ParameterSpace(parameter.Name, isInt ? ParameterKind.Int : ParameterKind.Real, bounds[0], bounds[1], declaration.Log, Key: $"{key}.{which}");
    }

    // Checked after the generic checks, so that a log range reaching 0 is reported as such rather than as out of range.
    private static void InRange(ParameterSpace space, TrainerParameter parameter)
    {
        if (space.Kind == ParameterKind.Choice) return;
        foreach (var bound in new[] { space.Low, space.High })
        {
            if (!parameter.Allows(bound))
            {
                throw RecurException.Invalid($"{space.Key}: {bound.ToString("R", CultureInfo.InvariantCulture)} is outside what '{parameter.Name}' allows; expected {parameter.Range}", space.Key);
            }
        }
    }

    private static string Known(ITrainer trainer) => trainer.Parameters.Count == 0 ? "none" : string.Join(", ", trainer.Parameters.Select(p => p.Name));
}
