using Recur.Core;

namespace Recur.Training.Trainers;

/// <summary>A trainer's parameter values, every one validated and defaults filled in.</summary>
public sealed class TrainerSettings
{
    private readonly ITrainer _trainer;
    private readonly Dictionary<string, double> _values;

    private TrainerSettings(ITrainer trainer, Dictionary<string, double> values)
    {
        _trainer = trainer;
        _values = values;
    }

    /// <summary>
    /// Validates <paramref name="declared"/> against the trainer's parameters. <paramref name="key"/> is where they
    /// sit in recur.yaml (e.g. "training.candidates[1].params"): errors (<see cref="RecurException"/>) name the offending parameter's key as their field.
    /// </summary>
    public static TrainerSettings From(ITrainer trainer, IReadOnlyDictionary<string, string> declared, string key)
    {
        var values = trainer.Parameters.ToDictionary(p => p.Name, p => p.Default, StringComparer.Ordinal);
        foreach (var (name, text) in declared)
        {
            var parameter = trainer.Parameters.FirstOrDefault(p => p.Name == name)
                ?? throw RecurException.Invalid(
                    $"{key}.{name}: unknown parameter '{name}' for trainer '{trainer.Name}' (known: {(trainer.Parameters.Count == 0 ? "none" : string.Join(", ", trainer.Parameters.Select(p => p.Name)))})", $"{key}.{name}");
            values[name] = parameter.Parse(text, out var problem) ?? throw RecurException.Invalid($"{key}.{name}: {problem}", $"{key}.{name}");
        }
        return new TrainerSettings(trainer, values);
    }

    /// <summary>An integer parameter's value.</summary>
    public int Int(string name) => (int)_values[name];

    /// <summary>A real parameter's value.</summary>
    public double Real(string name) => _values[name];

    /// <summary>Every parameter as lineage records it, in the trainer's declared order.</summary>
    /// <remarks>A parameter recorded only when set (<see cref="TrainerParameter.RecordedWhenSet"/>) is left out at its default.</remarks>
    public Dictionary<string, string> Describe() => _trainer.Parameters
        .Where(p => !p.RecordedWhenSet || _values[p.Name] != p.Default)
        .ToDictionary(p => p.Name, p => p.Format(_values[p.Name]), StringComparer.Ordinal);
}
