using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Xunit.Abstractions;
using static Recur.EndToEnd.Tests.TaskLoop;

namespace Recur.EndToEnd.Tests;

/// <summary>
/// <c>loop.retrain_in: worker</c> on examples/german-credit: the loop queues its retrain as a job instead of training in
/// the process that ticks; <c>recur worker</c> runs it; a worker killed mid-job leaves the job to be claimed again once its
/// lease runs out, and the rerun finishes; the next tick takes up the candidate and promotes it.
/// </summary>
public sealed class WorkerTests(ITestOutputHelper output)
{
    internal const string Loop = """

        loop:
          retrain_in: worker
          min_interval: 1h
          triggers:
            drift: ~
            new_labels: {rows: 100}
          canary: {enabled: false}
        """;

    [Fact]
    public async Task Worker_KilledMidJob_TheJobIsClaimedAgainAfterItsLeaseAndTheLoopPromotesItsCandidate()
    {
        using var dir = new TempDir();
        var (root, _) = await ReplicasTests.ProjectAsync(dir, "sqlite", Loop);
        await using (var server = await ServerProcess.StartAsync(root))
        {
            using var http = server.Client();
            await LabelledTrafficAsync(http, root, 200);
        }

        var queued = (await CliRunner.OkAsync(dir.Root, "loop", "--once", "--json", "--project", root)).Json;
        Assert.Equal("retrain_queued", queued.GetProperty("action").GetString());
        Assert.Single(await JobsAsync(dir, root));

        // The first worker claims the job and is killed while it trains.
        using (var doomed = new WorkerProcess(CliRunner.StartInfo(dir.Root, "worker", "--lease", "3s", "--verbose", "--project", root)))
        {
            await doomed.WaitForAsync("claimed job 1", TimeSpan.FromMinutes(2));
            await Task.Delay(500); // mid-retrain: the job's run is recorded, the model not yet registered
            doomed.Kill();
        }
        var killed = Assert.Single(await JobsAsync(dir, root));
        Assert.Equal(("running", 1), (killed.GetProperty("status").GetString(), killed.GetProperty("attempts").GetInt32()));

        // A second worker finds nothing until the lease runs out, then claims the job and finishes it.
        var clock = Stopwatch.StartNew();
        List<System.Text.Json.JsonElement> ran = [];
        while (ran.Count == 0 && clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            ran = [.. (await CliRunner.OkAsync(dir.Root, "worker", "--once", "--json", "--project", root)).Json.GetProperty("jobs").EnumerateArray()];
            if (ran.Count == 0) await Task.Delay(500);
        }
        output.WriteLine($"re-claimed after {clock.Elapsed.TotalSeconds:0.0} s");
        var done = Assert.Single(ran);
        Assert.Equal(("done", 2), (done.GetProperty("status").GetString(), done.GetProperty("attempts").GetInt32()));
        Assert.Equal(2, done.GetProperty("result").GetProperty("candidate").GetInt32());

        var followed = (await CliRunner.OkAsync(dir.Root, "loop", "--once", "--json", "--project", root)).Json;
        Assert.Equal("promoted", followed.GetProperty("action").GetString());
        var retrained = followed.GetProperty("records").EnumerateArray().Single(r => r.GetProperty("step").GetString() == "retrained");
        Assert.Equal(1, retrained.GetProperty("numbers").GetProperty("job").GetInt32());
        var runs = (await CliRunner.OkAsync(dir.Root, "runs", "list", "--kind", "retrain", "--json", "--project", root)).Json.GetProperty("runs").EnumerateArray().ToList();
        Assert.InRange(runs.Count, 1, 2); // the finished run, and the killed attempt's when it got that far
    }

    /// <summary>Predictions for <paramref name="count"/> long loans and their labels, over HTTP.</summary>
    internal static async Task LabelledTrafficAsync(HttpClient http, string root, int count)
    {
        var rows = GermanCreditRows(root).Where(a => a.Duration >= 24).ToList();
        for (var at = 0; at < count; at += 50)
        {
            var body = "{\"instances\":[" + string.Join(",", Enumerable.Range(at, 50).Select(i => $"{{\"key\":\"long-{i}\",\"features\":{rows[i % rows.Count].Features}}}")) + "]}";
            using var predicted = await http.PostAsync("/v1/models/german-credit:predict", Json(body));
            Assert.Equal(HttpStatusCode.OK, predicted.StatusCode);
            var feedback = Enumerable.Range(at, 50).Select(i => new { key = $"long-{i}", label = rows[i % rows.Count].Label }).ToList();
            using var posted = await http.PostAsJsonAsync("/v1/feedback", new { feedback });
            Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync());
        }
    }

    internal sealed record Applicant(string Features, string Label, int Duration);

    internal static List<Applicant> GermanCreditRows(string root) => File.ReadLines(Path.Combine(root, "data", "german.data"))
        .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .Select(f => new Applicant(
            "{" + string.Join(",", GermanCredit.Inputs.Select((c, i) => $"\"{c}\":" + (double.TryParse(f[i], CultureInfo.InvariantCulture, out _) ? f[i] : $"\"{f[i]}\""))) + "}",
            f[20] == "1" ? "good" : "bad", int.Parse(f[1], CultureInfo.InvariantCulture)))
        .ToList();

    private static async Task<List<System.Text.Json.JsonElement>> JobsAsync(TempDir dir, string root) =>
        [.. (await CliRunner.OkAsync(dir.Root, "jobs", "list", "--json", "--project", root)).Json.GetProperty("jobs").EnumerateArray()];
}

/// <summary>A long-running <c>recur</c> process (a worker) whose stderr is watched for a line.</summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();

    public WorkerProcess(ProcessStartInfo info)
    {
        _process = Process.Start(info)!;
        _process.ErrorDataReceived += (_, e) => { lock (_stderr) _stderr.AppendLine(e.Data); };
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
    }

    public string Stderr { get { lock (_stderr) return _stderr.ToString(); } }

    public async Task WaitForAsync(string fragment, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!Stderr.Contains(fragment, StringComparison.Ordinal))
        {
            Assert.False(_process.HasExited, $"the worker exited before '{fragment}': {Stderr}");
            Assert.True(clock.Elapsed < timeout, $"no '{fragment}' in {timeout}: {Stderr}");
            await Task.Delay(20);
        }
    }

    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
