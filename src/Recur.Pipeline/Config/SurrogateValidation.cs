using Recur.Core;
using Recur.Core.Project;

namespace Recur.Pipeline.Config;

/// <summary>Load-time checks of training.surrogate; errors name the key.</summary>
internal static class SurrogateValidation
{
    public static void Validate(SurrogateConfig s)
    {
        if (s.MaxLeaves is < 2 or > 64) throw Invalid("training.surrogate.max_leaves", $"must be from 2 to 64 (a readable tree has few rules), not {s.MaxLeaves}");
        if (s.MaxDepth is < 1 or > 10) throw Invalid("training.surrogate.max_depth", $"must be from 1 to 10, not {s.MaxDepth}");
        if (s.MinLeafRows < 1) throw Invalid("training.surrogate.min_leaf_rows", $"must be at least 1, not {s.MinLeafRows}");
        if (s.MaxRows < 100) throw Invalid("training.surrogate.max_rows", $"must be at least 100, not {s.MaxRows}");
    }

    private static RecurException Invalid(string key, string problem) => RecurException.Invalid($"recur.yaml: {key} {problem}", key);
}
