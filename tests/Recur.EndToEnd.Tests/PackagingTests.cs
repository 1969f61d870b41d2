using System.Diagnostics;
using System.Text.Json;

namespace Recur.EndToEnd.Tests;

/// <summary>
/// Packaging as a user meets it: the built projects are packed (no rebuild) into a fresh folder at a version of their own,
/// <c>recur</c> is installed from there with <c>dotnet tool install --tool-path</c> (and <c>-g</c>, into a home of its own) and ingests and trains the German credit
/// example with LightGBM from its install folder; then a new console project references <c>Recur.Embedded</c> from the same
/// folder and predicts with the version the tool registered.
/// </summary>
public sealed class PackagingTests
{
    // The library packages Recur.Embedded needs (docs/packages.md), and the tool.
    private static readonly string[] Packed =
    [
        "Recur.Core", "Recur.Lake", "Recur.Features", "Recur.Training", "Recur.Evaluation", "Recur.Tuning", "Recur.Registry", "Recur.Serving",
        "Recur.Monitoring", "Recur.Storage.Sqlite", "Recur.Storage.Postgres", "Recur.Pipeline", "Recur.Embedded", "Recur.Cli",
    ];

    private const string Consumer = """
        using System.Text.Json;
        using Microsoft.Extensions.DependencyInjection;
        using Recur.Embedded;

        // args: the project folder, one instance's features as JSON.
        var features = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(args[1])!.ToDictionary(p => p.Key, p => p.Value.ValueKind switch
        {
            JsonValueKind.Number => (object?)p.Value.GetDouble(),
            JsonValueKind.String => p.Value.GetString(),
            _ => null,
        });
        await using var services = new ServiceCollection().AddRecurPredictor(args[0]).BuildServiceProvider();
        var p = await services.GetRequiredService<IRecurPredictor>().PredictAsync("packaged-1", features);
        Console.WriteLine(JsonSerializer.Serialize(new { label = p.Label, score = p.Score, version = p.ModelVersion }));
        """;

    [Fact]
    public async Task Pack_ToolInstalledAndLibraryReferencedFromTheFolder_TrainsWithLightGbmAndPredicts()
    {
        using var dir = new TempDir();
        var repo = RepositoryRoot();
        var version = $"0.17.0-e2e.t{Guid.NewGuid():N}"[..24];
        var packages = dir.Path("packages");
        try
        {
            // One pack of the solution, reusing the Release build the tests run from: every packable project, nothing rebuilt.
            await DotnetOkAsync(repo, TimeSpan.FromMinutes(5), "pack", "Recur.slnx", "-c", "Release", "--no-build", "-o", packages, $"-p:PackageVersion={version}", "-nologo", "-v", "quiet");
            Assert.Equal(Packed.Select(p => $"{p}.{version}.nupkg").Order(StringComparer.Ordinal), Directory.GetFiles(packages).Select(Path.GetFileName).Order(StringComparer.Ordinal));

            var tool = dir.Path("tool");
            await DotnetOkAsync(dir.Root, TimeSpan.FromMinutes(3), "tool", "install", "--tool-path", tool, "--add-source", packages, "--version", version, "Recur.Cli");
            var recur = Path.Combine(tool, "recur");
            var shown = await RunOkAsync(recur, dir.Root, TimeSpan.FromMinutes(1), "--version");
            Assert.StartsWith("0.17.0", shown.Trim(), StringComparison.Ordinal);

            // The README's `dotnet tool install -g`, into a home of its own (DOTNET_CLI_HOME) so the machine's tools are untouched.
            var home = dir.Path("home");
            await RunOkAsync("dotnet", dir.Root, TimeSpan.FromMinutes(3), new Dictionary<string, string> { ["DOTNET_CLI_HOME"] = home },
                "tool", "install", "-g", "--add-source", packages, "--version", version, "Recur.Cli");
            var global = Path.Combine(home, ".dotnet", "tools", "recur");
            Assert.True(File.Exists(global), $"no {global} after dotnet tool install -g");
            Assert.StartsWith("0.17.0", (await RunOkAsync(global, dir.Root, TimeSpan.FromMinutes(1), "--version")).Trim(), StringComparison.Ordinal);

            // The installed tool ingests and trains the German credit example with LightGBM, through the native library it carries.
            var project = TaskLoop.CopyExample(dir, "german-credit");
            await RunOkAsync(recur, dir.Root, TimeSpan.FromMinutes(3), "ingest", "train", "--project", project, "--json");
            var train = JsonDocument.Parse(await RunOkAsync(recur, dir.Root, TimeSpan.FromMinutes(5), "train", "--project", project, "--json")).RootElement;
            Assert.Equal(1, train.GetProperty("registered").GetProperty("version").GetInt32());
            var shownVersion = JsonDocument.Parse(await RunOkAsync(recur, dir.Root, TimeSpan.FromMinutes(1), "models", "show", "1", "--project", project, "--json")).RootElement;
            Assert.Equal("lightgbm", shownVersion.GetProperty("lineage").GetProperty("trainer").GetString());

            // A new project that references the library package from the same folder (and the usual feed for ML.NET and the rest).
            var consumer = dir.Path("consumer");
            Directory.CreateDirectory(consumer);
            File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings><Nullable>enable</Nullable></PropertyGroup>
                  <ItemGroup><PackageReference Include="Recur.Embedded" Version="{version}" /></ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(consumer, "Program.cs"), Consumer);
            File.WriteAllText(Path.Combine(consumer, "NuGet.config"), $"""
                <configuration>
                  <packageSources>
                    <clear />
                    <add key="recur" value="{packages}" />
                    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
                  </packageSources>
                </configuration>
                """);
            await DotnetOkAsync(consumer, TimeSpan.FromMinutes(5), "build", "-c", "Release", "-nologo", "-v", "quiet", "-o", Path.Combine(consumer, "out"));
            var predicted = JsonDocument.Parse(await RunOkAsync("dotnet", consumer, TimeSpan.FromMinutes(1), Path.Combine(consumer, "out", "Consumer.dll"), project, Applicant(project))).RootElement;
            Assert.Contains(predicted.GetProperty("label").GetString(), new[] { "good", "bad" });
            Assert.InRange(predicted.GetProperty("score").GetDouble(), 0, 1);
            Assert.Equal(1, predicted.GetProperty("version").GetInt32());
        }
        finally
        {
            ForgetCachedPackages(version);
        }
    }

    // The first applicant of the example's data file as a request's features (numbers as numbers).
    private static string Applicant(string project)
    {
        var values = File.ReadLines(Path.Combine(project, "data", "german.data")).First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return JsonSerializer.Serialize(GermanCredit.Inputs.Select((name, i) => (name, value: values[i]))
            .ToDictionary(p => p.name, p => double.TryParse(p.value, System.Globalization.CultureInfo.InvariantCulture, out var number) ? (object)number : p.value));
    }

    private static string RepositoryRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Recur.slnx"))) return d.FullName;
        }
        throw new InvalidOperationException($"no Recur.slnx above {AppContext.BaseDirectory}");
    }

    private static Task DotnetOkAsync(string workingDir, TimeSpan timeout, params string[] args) => RunOkAsync("dotnet", workingDir, timeout, args);

    private static Task<string> RunOkAsync(string file, string workingDir, TimeSpan timeout, params string[] args) =>
        RunOkAsync(file, workingDir, timeout, new Dictionary<string, string>(), args);

    private static async Task<string> RunOkAsync(string file, string workingDir, TimeSpan timeout, Dictionary<string, string> environment, params string[] args)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = workingDir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        foreach (var (name, value) in environment) info.Environment[name] = value;
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        Assert.True(process.ExitCode == 0, $"{Path.GetFileName(file)} {string.Join(' ', args)} exited {process.ExitCode}: {await stdout}\n{await stderr}");
        return await stdout;
    }

    // The packages of this run's version were extracted into NuGet's global folder by the restore; they are removed so that the
    // folder does not fill with test versions.
    private static void ForgetCachedPackages(string version)
    {
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } set ? set
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var project in Packed)
        {
            try { Directory.Delete(Path.Combine(cache, project.ToLowerInvariant(), version), recursive: true); }
            catch (DirectoryNotFoundException) { }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }
}
