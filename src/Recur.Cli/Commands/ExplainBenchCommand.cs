using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Lake.Ingest;
using Recur.Training;
using Recur.Training.Trainers;
using Recur.Training.Trees;

namespace Recur.Cli.Commands;

/// <summary>
/// <c>recur explain bench</c>: TreeSHAP throughput on the table <c>bench/peers/shap_peer.py gen-shap</c> writes, with a
/// LightGBM model of the size the xgboost peer trains (500 trees, 31 leaves); bench/peers/shap-bench.sh runs both.
/// Fitting and reading the CSV are not timed; rows are explained in parallel over the given number of threads.
/// </summary>
internal static class ExplainBenchCommand
{
    public static void AddTo(Command explain)
    {
        var data = new Option<string>("--data") { Description = "CSV from shap_peer.py gen-shap (x0..xN, label)", Required = true };
        var rows = new Option<int>("--rows") { Description = "Rows explained (the first ones)", DefaultValueFactory = _ => 1000 };
        var threads = new Option<int>("--threads") { Description = "Threads explaining rows (and fitting)", DefaultValueFactory = _ => 1 };
        var trees = new Option<int>("--trees") { Description = "Boosting rounds", DefaultValueFactory = _ => 500 };
        var bench = new Command("bench", "Time exact TreeSHAP on a 500-tree, 31-leaf LightGBM model like the xgboost peer's pred_contribs") { data, rows, threads, trees };
        bench.Hidden = true;
        bench.SetAction((parse, ct) => CommandContext.RunAsync(parse, ctx => Task.FromResult(Run(ctx, parse.GetValue(data)!, parse.GetValue(rows), parse.GetValue(threads), parse.GetValue(trees)))));
        explain.Subcommands.Add(bench);
    }

    private static int Run(CommandContext ctx, string path, int count, int threads, int rounds)
    {
        if (threads < 1) throw RecurException.Invalid("--threads must be at least 1", "--threads");
        var raw = DelimitedParser.ParseFile(Path.GetFullPath(path), new DatasetConfig { Header = true }, path).Table;
        if (!raw.Has("label")) throw RecurException.Invalid($"{path}: no column 'label' (expected the table of shap_peer.py gen-shap)", "--data");
        var features = raw.Columns.Where(c => c.Spec.Name != "label").Select(c => new FeatureSpec(c.Spec.Name, ColumnType.Real, true)).ToList();
        var table = new DataTable([.. features.Select(f => new NumericColumn(new ColumnSpec(f.Name, ColumnType.Real), ((NumericColumn)raw[f.Name]).Values.ToArray())),
            new NumericColumn(new ColumnSpec("label", ColumnType.Integer), ((NumericColumn)raw["label"]).Values.ToArray())]);
        var plan = new FeaturePlan(features, "label", "1", "0");
        var trainer = new LightGbmTrees();
        var settings = TrainerSettings.From(trainer, new Dictionary<string, string>
        {
            ["iterations"] = rounds.ToString(CultureInfo.InvariantCulture), ["learning_rate"] = "0.1", ["leaves"] = "31", ["min_rows_per_leaf"] = "1",
        }, "bench");
        var model = ModelFitter.Fit("bench", table, plan, new TrainerChoice(trainer, settings, "bench"), threads, 0.5, 42);
        var ensemble = model.Trees!;
        var shap = new TreeShap(ensemble);
        count = Math.Min(count, table.RowCount);
        var x = new double[count][];
        for (var r = 0; r < count; r++) x[r] = [.. features.Select(f => ((NumericColumn)table[f.Name]).Values[r])];

        var phi = new TreeShap.Explanation[count];
        Explain(shap, x, phi, Math.Min(count, 20), threads); // warm-up (JIT)
        var clock = Stopwatch.StartNew();
        Explain(shap, x, phi, count, threads);
        var seconds = clock.Elapsed.TotalSeconds;
        var error = 0.0;
        var raw1 = new double[1];
        for (var r = 0; r < count; r++)
        {
            ensemble.PredictRaw(x[r], raw1);
            error = Math.Max(error, Math.Abs(phi[r].Contributions[0].Sum() + phi[r].Expected[0] - raw1[0]));
        }
        var leaves = ensemble.Trees.Average(t => t.LeafValue.Count);
        var result = new { rows = count, threads, trees = ensemble.Trees.Count, mean_leaves = leaves, seconds, rows_per_second = count / seconds, local_accuracy_error = error };
        if (ctx.Json) ctx.WriteJson(result);
        else ctx.Human.WriteLine($"{count} rows in {seconds:0.###} s ({count / seconds:0.#} rows/s, {threads} thread(s)); {ensemble.Trees.Count} trees, {leaves:0.#} leaves on average; local accuracy within {error:0.##e0}");
        return 0;
    }

    private static void Explain(TreeShap shap, double[][] x, TreeShap.Explanation[] phi, int count, int threads) =>
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = threads }, r => phi[r] = shap.Explain(x[r]));
}
