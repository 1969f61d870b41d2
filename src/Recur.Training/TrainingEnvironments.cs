using System.Reflection;
using System.Runtime.InteropServices;
using Recur.Core.Registry;

namespace Recur.Training;

/// <summary>Captures the <see cref="TrainingEnvironment"/> of this process, for a version's lineage.</summary>
public static class TrainingEnvironments
{
    // The packages whose versions decide what a model computes; each is loaded through a type it defines.
    private static readonly Assembly[] KeyAssemblies =
    [
        typeof(Microsoft.ML.IDataView).Assembly,
        typeof(Microsoft.ML.IEstimator<>).Assembly,
        typeof(Microsoft.ML.MLContext).Assembly,
        typeof(Microsoft.ML.Data.TextLoader).Assembly,
        typeof(Microsoft.ML.Trainers.LightGbm.LightGbmBinaryTrainer).Assembly,
        typeof(Microsoft.ML.Trainers.FastTree.FastTreeBinaryTrainer).Assembly,
        typeof(Microsoft.ML.Trainers.SdcaLogisticRegressionBinaryTrainer).Assembly,
        typeof(TrainedModel).Assembly,
    ];

    /// <summary>The runtime, OS, architecture and the informational versions of the key packages, sorted by name.</summary>
    public static TrainingEnvironment Capture()
    {
        var packages = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var assembly in KeyAssemblies.Distinct())
        {
            var name = assembly.GetName().Name ?? "?";
            packages[name] = Version(assembly);
        }
        return new TrainingEnvironment(RuntimeInformation.FrameworkDescription, RuntimeInformation.OSDescription,
            RuntimeInformation.ProcessArchitecture.ToString(), packages);
    }

    // The informational version without the build metadata's commit (after '+'), which would differ per build of the same release.
    private static string Version(Assembly assembly)
    {
        var info = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (info is null) return assembly.GetName().Version?.ToString() ?? "unknown";
        return assembly == typeof(TrainedModel).Assembly ? info : info.Split('+')[0];
    }
}
