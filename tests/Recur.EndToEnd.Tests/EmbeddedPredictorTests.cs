using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Recur.EndToEnd.Tests;

/// <summary>examples/embedded-aspnet, built by the solution, run against a trained project: it scores in-process and the prediction is logged.</summary>
public sealed class EmbeddedPredictorTests(SurrogateProject project) : IClassFixture<SurrogateProject>
{
    // The example's build output: examples/embedded-aspnet/bin/<configuration>/net10.0/EmbeddedAspNet.dll beside these tests' configuration.
    private static string ExampleDll()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = dir.Parent!.Name;
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Recur.slnx"))) dir = dir.Parent;
        Assert.NotNull(dir);
        return Path.Combine(dir.FullName, "examples", "embedded-aspnet", "bin", configuration, "net10.0", "EmbeddedAspNet.dll");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task ExampleApp_PostsAnApplicant_ScoresInProcessAndLogsThePrediction()
    {
        var dll = ExampleDll();
        Assert.True(File.Exists(dll), $"the example is not built: {dll}");
        var url = $"http://127.0.0.1:{FreePort()}";
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { dll, "--Recur:Project", project.Root, "--urls", url }) info.ArgumentList.Add(a);
        using var app = Process.Start(info)!;
        var stderr = new StringBuilder();
        app.ErrorDataReceived += (_, e) => { lock (stderr) stderr.AppendLine(e.Data); };
        app.OutputDataReceived += (_, _) => { };
        app.BeginErrorReadLine();
        app.BeginOutputReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(url) };
            HttpResponseMessage? response = null;
            for (var i = 0; i < 100 && response is null; i++)
            {
                try
                {
                    response = await http.PostAsync("/loans/loan-7/decision", new StringContent(AdultRequest.Features, Encoding.UTF8, "application/json"));
                }
                catch (HttpRequestException) when (!app.HasExited)
                {
                    await Task.Delay(200);
                }
            }
            Assert.True(response is not null, "the example never answered: " + stderr);
            Assert.Equal(HttpStatusCode.OK, response!.StatusCode);
            var decision = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("loan-7", decision.GetProperty("id").GetString());
            Assert.Equal(1, decision.GetProperty("model_version").GetInt32());
            Assert.Contains(decision.GetProperty("risk").GetString(), new[] { "<=50K", ">50K" });

            // The same contract checks as the server: a wrong value is refused naming the field.
            using var bad = await http.PostAsync("/loans/loan-8/decision", new StringContent(AdultRequest.Features.Replace("\"age\":39", "\"age\":\"old\""), Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal("instances[0].features.age", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());

            // The same prediction log (with the surrogate's answer beside it), read back through the CLI.
            await SurrogateTests.Eventually(async () =>
            {
                var report = (await CliRunner.OkAsync(project.Root, "surrogate", "report", "--project", project.Root, "--json")).Json;
                return report.GetProperty("logged").GetInt32() >= 1 && report.GetProperty("versions")[0].GetProperty("compared").GetInt32() >= 1;
            });
        }
        finally
        {
            app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync();
        }
    }
}
