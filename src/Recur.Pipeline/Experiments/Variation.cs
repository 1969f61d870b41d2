using Recur.Core.Project;

namespace Recur.Pipeline.Experiments;

/// <summary>
/// One arm of an experiment, ready to train: the control (the project as declared) or a variation, with the configuration
/// it trains with (recur.yaml with its overlay merged and its trainer set, validated) and the feature groups it leaves out.
/// </summary>
/// <param name="Name">Its name in the table (<c>control</c> for the project as declared).</param>
/// <param name="What">What it changes, in words.</param>
/// <param name="Config">The configuration it trains with.</param>
/// <param name="ConfigHash">SHA-256 of that configuration's text, recorded with its run.</param>
/// <param name="Drop">The feature groups it leaves out (as <c>recur train --drop</c>).</param>
public sealed record Variation(string Name, string What, ProjectConfig Config, string ConfigHash, IReadOnlyList<string> Drop)
{
    /// <summary>The name of the project as declared, the arm every variation is compared with.</summary>
    public const string Control = "control";
}

/// <summary>An experiment ready to run: its name, its question, the control and its variations.</summary>
/// <param name="Name">The experiment's name (<c>experiments.NAME</c>, or the ad hoc name given).</param>
/// <param name="Question">What it asks, in words.</param>
/// <param name="Arms">The control first, then every variation.</param>
public sealed record ExperimentPlan(string Name, string Question, IReadOnlyList<Variation> Arms);
