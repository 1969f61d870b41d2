using System.Reflection;

namespace Recur.Tests;

/// <summary>Who may reference whom: ML.NET stays inside Training; Serving, Monitoring and Evaluation see only Core's contracts.</summary>
public sealed class ArchitectureTests
{
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Recur.Core"] = [],
        ["Recur.Evaluation"] = ["Recur.Core"],
        ["Recur.Registry"] = ["Recur.Core"],
        ["Recur.Tuning"] = ["Recur.Core"],
        ["Recur.Serving"] = ["Recur.Core"],
        ["Recur.Monitoring"] = ["Recur.Core", "Recur.Evaluation"],
        ["Recur.Features"] = ["Recur.Core"],
        ["Recur.Training"] = ["Recur.Core", "Recur.Features"],
        ["Recur.Lake"] = ["Recur.Core"],
        ["Recur.Storage.Sqlite"] = ["Recur.Core"],
        // The embedded predictor is a host: it composes the project (Pipeline) and calls the shared prediction service.
        ["Recur.Embedded"] = ["Recur.Core", "Recur.Serving", "Recur.Pipeline"],
    };

    [Fact]
    public void Modules_ReferenceOnlyWhatTheArchitectureAllows()
    {
        var problems = new List<string>();
        foreach (var (module, allowed) in Allowed)
        {
            var references = Assembly.Load(module).GetReferencedAssemblies().Select(a => a.Name!).ToList();
            problems.AddRange(references.Where(r => r.StartsWith("Recur.", StringComparison.Ordinal) && !allowed.Contains(r)).Select(r => $"{module} -> {r}"));
            if (module != "Recur.Training") problems.AddRange(references.Where(r => r.StartsWith("Microsoft.ML", StringComparison.Ordinal)).Select(r => $"{module} -> {r} (ML.NET belongs in Training)"));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Core_ReferencesOnlyTheBaseLibrary()
    {
        var references = Assembly.Load("Recur.Core").GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.All(references, r => Assert.True(r.StartsWith("System", StringComparison.Ordinal) || r is "netstandard" or "mscorlib", $"Recur.Core -> {r}"));
    }

    [Fact]
    public void Server_ChoosesNoBackendItself()
    {
        // Backends are chosen in one place, the composition root in Recur.Pipeline (RecurServices.AddRecur).
        var references = Assembly.Load("Recur.Server").GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(references, r => r.StartsWith("Recur.Storage.", StringComparison.Ordinal));
    }
}
