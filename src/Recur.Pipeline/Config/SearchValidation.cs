using System.Globalization;
using Recur.Core;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Pipeline.Tuning;
using Recur.Training.Trainers;
using Recur.Tuning;

namespace Recur.Pipeline.Config;

/// <summary>
/// Load-time checks of <c>training.search</c>: the sampler and pruner exist, the budget is not zero, the parallelism fits the
/// machine, the folds and hold-out make sense, and the space maps onto known trainer parameters inside their ranges
/// (<see cref="SearchSpaces.From"/>). Errors name the key and its line, so an impossible search fails before any trial.
/// </summary>
internal static class SearchValidation
{
    private const string Key = "training.search";

    public static void Validate(ProjectConfig config, string text)
    {
        try
        {
            Check(config.Training.Search, Key + ".");
            if (config.Training.Search.Space.Count == 0) return;
            SearchSpaces.From(config.Training.Search, TrainerCatalog.Standard);
            if (ModelTasks.ByName.TryGetValue(config.Task, out var task))
            {
                foreach (var name in config.Training.Search.Space.Keys) TrainerCatalog.CheckTask(TrainerCatalog.Standard.Get(name, $"{SearchSpaces.Key}.{name}"), task, $"{SearchSpaces.Key}.{name}");
            }
        }
        catch (RecurException e) when (e.Field is not null)
        {
            throw ConfigLocation.AtLine(e, text);
        }
    }

    /// <summary>
    /// The search's settings other than the space: <paramref name="prefix"/> names where they come from ("training.search." for
    /// recur.yaml, "--" for <c>recur tune</c>'s options), so the error names the key or option that is wrong.
    /// </summary>
    public static void Check(SearchConfig search, string prefix)
    {
        SamplerCatalog.Get(search.Sampler, prefix + "sampler");
        PrunerCatalog.Get(search.Pruner, prefix + "pruner");
        if (search.Trials < 0) throw Invalid(prefix, "trials", $"must be 0 (no limit) or more, not {search.Trials}");
        if (!(search.Seconds >= 0) || double.IsInfinity(search.Seconds)) throw Invalid(prefix, "seconds", $"must be 0 (no limit) or more, not {Format(search.Seconds)}");
        if (search.Trials == 0 && search.Seconds == 0) throw Invalid(prefix, "trials", "and seconds are both 0: a search needs a budget (a number of trials, a number of seconds, or both)");
        var cores = Environment.ProcessorCount;
        if (search.Parallel < 1 || search.Parallel > cores)
        {
            throw Invalid(prefix, "parallel", $"must be between 1 and this machine's {cores} cores, not {search.Parallel} (each trial gets cores / parallel threads)");
        }
        if (search.Folds < 1) throw Invalid(prefix, "folds", $"must be at least 1 (1: one hold-out fold of the training split), not {search.Folds}");
        if (!(search.Holdout is > 0 and < 1)) throw Invalid(prefix, "holdout", $"must be a share strictly between 0 and 1, not {Format(search.Holdout)}");
    }

    private static RecurException Invalid(string prefix, string name, string problem) => RecurException.Invalid($"{prefix}{name} {problem}", prefix + name);

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
