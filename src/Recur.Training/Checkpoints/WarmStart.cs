using Recur.Training.Trainers;

namespace Recur.Training.Checkpoints;

/// <summary>
/// <c>pipeline.warm_start</c>: the registered champion a linear candidate starts from instead of zeros. A trainer that can
/// continue a linear model (<see cref="CanStart"/>: L-BFGS) begins its optimiser at the champion's weights when the fitted
/// feature vector has exactly the champion's slots; otherwise it starts cold and says why. Either way the fitted model's
/// parameters record what happened (<see cref="FromParameter"/> and <see cref="Sha256Parameter"/>, or <see cref="ColdParameter"/>),
/// so the version's lineage names its starting point.
/// </summary>
/// <param name="Source">The champion as <c>NAME:VERSION</c>.</param>
/// <param name="Sha256">The SHA-256 of the champion's model file (verified when it was loaded).</param>
/// <param name="Champion">The champion, loaded.</param>
public sealed record WarmStart(string Source, string Sha256, TrainedModel Champion)
{
    /// <summary>The lineage parameter naming the version a warm-started fit began from (<c>NAME:VERSION</c>).</summary>
    public const string FromParameter = "warm_start_from";

    /// <summary>The lineage parameter holding the SHA-256 of that version's model file.</summary>
    public const string Sha256Parameter = "warm_start_sha256";

    /// <summary>The lineage parameter of a fit that was asked to warm start and started cold: <c>cold: </c> and the reason.</summary>
    public const string ColdParameter = "warm_start";

    /// <summary>What a fit's cache key includes for this source: a warm-started fit is a different computation from a cold one.</summary>
    public string Key => $"{Source} {Sha256}";

    /// <summary>Whether the trainer can begin from a linear model's weights (L-BFGS logistic regression and maximum entropy).</summary>
    public static bool CanStart(TrainerChoice choice)
    {
        ArgumentNullException.ThrowIfNull(choice);
        return choice.Trainer is IWarmStartTrainer;
    }

    /// <summary>The names of the trainers that can warm start, for messages.</summary>
    public static IReadOnlyList<string> TrainerNames => [.. TrainerCatalog.Standard.Trainers.Where(t => t is IWarmStartTrainer).Select(t => t.Name)];
}
