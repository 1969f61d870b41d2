using Recur.Core;
using Recur.Pipeline;

namespace Recur.Cli.Demo;

/// <summary>Creates the demo project from the Adult example shipped with the tool.</summary>
internal static class DemoProject
{
    /// <summary>The example folder next to the tool's binaries.</summary>
    public static string ExampleDir => Path.Combine(AppContext.BaseDirectory, "examples", "adult-income");

    /// <summary>Copies recur.yaml and the data into <paramref name="dir"/> (a new temp folder when null).</summary>
    public static string Create(string? dir)
    {
        var target = Path.GetFullPath(dir ?? Path.Combine(Path.GetTempPath(), $"recur-demo-{Guid.NewGuid():N}"[..24]));
        if (File.Exists(Path.Combine(target, RecurProject.FileName)))
        {
            throw RecurException.Invalid($"{target} already holds a project; give an empty or new folder with --dir", "--dir");
        }
        if (!Directory.Exists(ExampleDir)) throw RecurException.NotFound($"the Adult example is missing from {ExampleDir}");
        // data/ and the overlays of the example's experiments (recur.yaml names them, so they must come along).
        foreach (var folder in new[] { "data", "experiments" }.Where(f => Directory.Exists(Path.Combine(ExampleDir, f))))
        {
            Directory.CreateDirectory(Path.Combine(target, folder));
            foreach (var file in Directory.GetFiles(Path.Combine(ExampleDir, folder))) File.Copy(file, Path.Combine(target, folder, Path.GetFileName(file)), overwrite: true);
        }
        File.Copy(Path.Combine(ExampleDir, RecurProject.FileName), Path.Combine(target, RecurProject.FileName));
        return target;
    }
}
