using System.Diagnostics;
using System.Text.Json;

namespace Recur.EndToEnd.Tests;

/// <summary>What a run of the CLI printed and returned.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>stdout parsed as JSON (fails the test if it is not pure JSON).</summary>
    public JsonElement Json => JsonDocument.Parse(Stdout).RootElement.Clone();
}

/// <summary>Runs the built recur CLI (copied next to the tests) as a separate process, as a user would.</summary>
public static class CliRunner
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "recur.dll");

    public static ProcessStartInfo StartInfo(string workingDir, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Dll);
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return info;
    }

    /// <summary>The same process pinned to one core with taskset, when taskset exists and the machine has two cores or more.</summary>
    public static ProcessStartInfo Pinned(ProcessStartInfo info, int core)
    {
        if (!File.Exists("/usr/bin/taskset") || Environment.ProcessorCount < 2) return info;
        info.ArgumentList.Insert(0, info.FileName);
        info.ArgumentList.Insert(0, core.ToString(System.Globalization.CultureInfo.InvariantCulture));
        info.ArgumentList.Insert(0, "-c");
        info.FileName = "/usr/bin/taskset";
        return info;
    }

    public static async Task<CliResult> RunAsync(string workingDir, params string[] args)
    {
        using var process = Process.Start(StartInfo(workingDir, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Runs and asserts success, showing stderr when it fails.</summary>
    public static async Task<CliResult> OkAsync(string workingDir, params string[] args)
    {
        var result = await RunAsync(workingDir, args);
        Assert.True(result.ExitCode == 0, $"recur {string.Join(' ', args)} exited {result.ExitCode}: {result.Stderr}");
        return result;
    }
}

/// <summary>A fresh temporary folder, deleted on dispose.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(Root);

    public string Root { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "recur-e2e-" + Guid.NewGuid().ToString("N")[..12]);

    public string Path(string name) => System.IO.Path.Combine(Root, name);

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
