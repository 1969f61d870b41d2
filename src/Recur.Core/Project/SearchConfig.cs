namespace Recur.Core.Project;

/// <summary>
/// <c>training.search:</c> the hyperparameter search (<c>recur tune</c>, and <c>recur train</c> adds the best trial, refitted on the
/// whole training split, as a candidate). Off while <see cref="Space"/> is empty. Trials are measured on the training split's own
/// validation fold(s), never on the validation split or the evaluation data.
/// </summary>
public sealed class SearchConfig
{
    /// <summary>The sampler: random or tpe.</summary>
    public string Sampler { get; set; } = "tpe";

    /// <summary>The pruner that stops bad trials early: none, median or asha.</summary>
    public string Pruner { get; set; } = "asha";

    /// <summary>Most trials (0: no limit, then <see cref="Seconds"/> must be set).</summary>
    public int Trials { get; set; } = 30;

    /// <summary>Wall-clock budget in seconds (0: no limit); the study stops sampling once it is spent.</summary>
    public double Seconds { get; set; }

    /// <summary>Trials run at once (each gets cores / parallel threads); at most the machine's cores.</summary>
    public int Parallel { get; set; } = 1;

    /// <summary>Folds of the training split each trial is measured on (1: one hold-out fold of <see cref="Holdout"/>).</summary>
    public int Folds { get; set; } = 1;

    /// <summary>The share of the training split held out when <see cref="Folds"/> is 1.</summary>
    public double Holdout { get; set; } = 0.2;

    /// <summary>
    /// The space, by trainer then parameter: e.g. <c>lightgbm: { leaves: { int: [8, 256], log: true } }</c>. Several trainers make
    /// the trainer itself a choice and each trainer's parameters conditional on it.
    /// </summary>
    public Dictionary<string, Dictionary<string, SearchParameterConfig>> Space { get; set; } = [];
}

/// <summary>One searched parameter: exactly one of <see cref="Int"/>, <see cref="Real"/> or <see cref="Choice"/>.</summary>
public sealed class SearchParameterConfig
{
    /// <summary>[low, high] for a whole number.</summary>
    public List<double>? Int { get; set; }

    /// <summary>[low, high] for a real number.</summary>
    public List<double>? Real { get; set; }

    /// <summary>The values to choose from.</summary>
    public List<string>? Choice { get; set; }

    /// <summary>Draw on a log scale (low must be above 0).</summary>
    public bool Log { get; set; }
}
