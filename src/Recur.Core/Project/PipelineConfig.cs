namespace Recur.Core.Project;

/// <summary><c>pipeline:</c> how <c>recur train</c> runs its steps: the step cache and the checkpoints.</summary>
public sealed class PipelineConfig
{
    /// <summary>Whether each step's output is cached by the hash of its inputs, so a rerun skips finished steps.</summary>
    public bool Cache { get; set; } = true;
}
