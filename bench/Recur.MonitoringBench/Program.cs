using System.Diagnostics;
using System.Globalization;
using Recur.Core.Modeling;
using Recur.Core.Profiles;
using Recur.Core.Project;
using Recur.Monitoring.Incremental;
using Recur.MonitoringBench;
using Recur.Storage.Sqlite;

// dotnet run -c Release --project bench/Recur.MonitoringBench -- [ROWS] [DIR]
// Generates ROWS predictions (default 10M) into DIR/recur.db unless present, then times the first full monitoring
// pass, an incremental pass after 10k new rows, and a replay from the start, each with the process's peak memory.
var rows = args.Length > 0 ? long.Parse(args[0], CultureInfo.InvariantCulture) : 10_000_000;
var dir = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "recur-monitoring-bench");
Directory.CreateDirectory(dir);
var file = Path.Combine(dir, "recur.db");
var fresh = !File.Exists(file);
var db = new SqliteDatabase(file);
if (fresh)
{
    var generate = Stopwatch.StartNew();
    LogGenerator.Append(db, 0, rows, seed: 42);
    Console.WriteLine($"generated {rows:N0} predictions in {generate.Elapsed.TotalSeconds:0.0} s ({new FileInfo(file).Length / 1e9:0.00} GB)");
}
var log = new SqliteMonitoringEventLog(db);
var checkpoints = new SqliteMonitorCheckpoints(db);
var monitor = new IncrementalMonitor(log, checkpoints, TimeProvider.System);
var subject = Subject();

var first = await Measure("first full pass", () => monitor.AdvanceAsync(subject));
LogGenerator.Append(db, rows, 10_000, seed: 7);
var incremental = await Measure("incremental pass after 10k new rows", () => monitor.AdvanceAsync(subject));
var replay = await Measure("replay from the start", () => monitor.ReplayAsync(subject, ReplayStart.Start));
var same = System.Text.Json.JsonSerializer.Serialize(incremental.Answer) == System.Text.Json.JsonSerializer.Serialize(replay.Answer);
Console.WriteLine($"replay equals incremental answer: {same}; windows {incremental.Answer.Windows.Count}; checkpoint {(await checkpoints.ReadAsync("bench"))!.State.Length / 1e6:0.00} MB");
return same ? 0 : 1;

static async Task<MonitoringRun> Measure(string name, Func<Task<MonitoringRun>> run)
{
    GC.Collect();
    var before = GC.GetTotalAllocatedBytes(precise: true);
    var watch = Stopwatch.StartNew();
    var result = await run();
    watch.Stop();
    using var process = Process.GetCurrentProcess();
    Console.WriteLine($"{name}: {watch.Elapsed.TotalSeconds:0.00} s, read {result.ReadPredictions:N0} predictions and {result.ReadLabelled:N0} labelled pairs, " +
        $"allocated {(GC.GetTotalAllocatedBytes(precise: true) - before) / 1e6:0} MB, peak working set {process.PeakWorkingSet64 / 1e6:0} MB, current {process.WorkingSet64 / 1e6:0} MB");
    return result;
}

// A reference like a stored profile: the generator's distributions at the start of the log.
static MonitorSubject Subject()
{
    var normal = new MathNet.Numerics.Distributions.Normal(0, 1);
    IReadOnlyList<double> Grid(double scale) => Enumerable.Range(0, 1001).Select(i => scale * normal.InverseCumulativeDistribution(Math.Clamp(i / 1000.0, 1e-6, 1 - 1e-6))).ToList();
    ColumnReference Categories(string[] values) => new(0, null, new CategoryReference(values, values.Select(_ => 250_000L).ToList(), 0, 0));
    var reference = new TableReference(1_000_000, new Dictionary<string, ColumnReference>
    {
        ["x"] = new(0, new NumericReference(1_000_000, 0, 1, Grid(1)), null),
        ["y"] = new(0, new NumericReference(1_000_000, 0, 2, Grid(2)), null),
        ["colour"] = Categories(LogGenerator.Colours),
        ["size"] = Categories(LogGenerator.Sizes),
    });
    var scores = Enumerable.Range(0, 101).Select(i => i / 100.0).ToList();
    return new MonitorSubject("bench", ModelTask.Binary,
        [new("x", true), new("y", true), new("colour", false), new("size", false)], reference,
        new ColumnReference(0, new NumericReference(100_000, 0.5, 0.29, scores), null), 0.5, "yes", MonitoringWindow.Parse("1d", "window"), new MonitoringConfig());
}
