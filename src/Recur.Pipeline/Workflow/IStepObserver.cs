using Recur.Core.Runs;

namespace Recur.Pipeline.Workflow;

/// <summary>Told about every step of a training run as it ends (<c>recur train</c> records them in its run and prints progress).</summary>
public interface IStepObserver
{
    /// <summary>A step ended: its name, cache key (empty when not cached), whether it was a cache hit, and its seconds.</summary>
    void Done(RunStep step);

    /// <summary>An observer that ignores every step.</summary>
    static IStepObserver None { get; } = new Ignore();

    private sealed class Ignore : IStepObserver
    {
        public void Done(RunStep step)
        {
        }
    }
}
