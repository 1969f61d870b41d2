using Recur.Core.Runs;
using Recur.Pipeline.Workflow;

namespace Recur.Pipeline.Runs;

/// <summary>
/// Records a run's steps as they end: each one is appended to the run and the run saved at once (so a killed run shows the steps
/// it finished), and a progress line is written ("step fit lightgbm: cached" / "step fit lightgbm: computed in 3.2 s").
/// </summary>
public sealed class RunSteps(RecurProject project, RunRecord run, Action<string>? progress = null) : IStepObserver
{
    private readonly Lock _gate = new();

    /// <summary>The run with the steps recorded so far.</summary>
    public RunRecord Run { get; private set; } = run;

    /// <inheritdoc />
    public void Done(RunStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        lock (_gate)
        {
            Run = Run with { Steps = [.. Run.Steps, step] };
            // The SQLite store writes synchronously; a step record is small.
            project.Runs.SaveAsync(Run).GetAwaiter().GetResult();
        }
        progress?.Invoke(Line(step));
    }

    /// <summary>The progress line for a step.</summary>
    public static string Line(RunStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var seconds = step.Seconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
        return step.CacheHit ? $"step {step.Name}: cached ({seconds} s to read)" : $"step {step.Name}: computed in {seconds} s";
    }
}
