namespace Recur.Pipeline.Jobs;

/// <summary>The catalogue of job handlers, by kind: the one place a new kind of job is added.</summary>
public static class JobHandlers
{
    /// <summary>Every handler in this build, by kind.</summary>
    public static IReadOnlyDictionary<string, IJobHandler> All { get; } =
        new IJobHandler[] { new RetrainJobHandler() }.ToDictionary(h => h.Kind, StringComparer.Ordinal);
}
