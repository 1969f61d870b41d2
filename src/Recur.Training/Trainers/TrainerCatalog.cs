using Recur.Core;
using Recur.Core.Modeling;

namespace Recur.Training.Trainers;

/// <summary>The trainers recur.yaml may name, looked up by name. Adding one is adding an <see cref="ITrainer"/> here.</summary>
public sealed class TrainerCatalog
{
    private readonly Dictionary<string, ITrainer> _byName;

    /// <summary>A catalogue of the given trainers (names must be unique).</summary>
    public TrainerCatalog(IEnumerable<ITrainer> trainers) => _byName = trainers.ToDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>ML.NET's standard trainers that need no native MKL: LightGBM, FastTree, FastForest, SDCA and L-BFGS.</summary>
    public static TrainerCatalog Standard { get; } = new([new LightGbmTrees(), new FastTreeBoosting(), new FastForestTrees(), new SdcaLinear(), new LbfgsLinear()]);

    /// <summary>Every trainer, in registration order.</summary>
    public IReadOnlyCollection<ITrainer> Trainers => _byName.Values;

    /// <summary>The trainer of that name, or null.</summary>
    public ITrainer? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The trainer of that name; an error naming <paramref name="key"/> and the available trainers otherwise.</summary>
    public ITrainer Get(string name, string key) =>
        Find(name) ?? throw RecurException.Invalid($"{key}: unknown trainer '{name}' (available: {string.Join(", ", _byName.Keys)})", key);

    /// <summary>Fails, naming <paramref name="key"/>, when the trainer cannot learn the task (multilabel: one binary model per label).</summary>
    public static void CheckTask(ITrainer trainer, ModelTask task, string key)
    {
        if (!trainer.Tasks.Contains(task == ModelTask.Multilabel ? ModelTask.Binary : task))
        {
            throw RecurException.Invalid(
                $"{key}: trainer '{trainer.Name}' does not support {task.ToName()} (it supports: {string.Join(", ", trainer.Tasks.Select(t => t.ToName()))})", key);
        }
    }
}
