namespace Recur.EndToEnd.Tests;

/// <summary>
/// Tests that compare timings within one run (a ratio, never an absolute time) run alone, after the parallel ones,
/// so another test's build or training on the same two cores does not land in one side of the ratio only.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "serial timing";
}
