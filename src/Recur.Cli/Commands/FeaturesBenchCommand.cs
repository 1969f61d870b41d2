using System.CommandLine;
using System.Diagnostics;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Features;
using Recur.Lake.Ingest;

namespace Recur.Cli.Commands;

/// <summary>
/// <c>recur features bench</c>: featurization throughput on the table <c>bench/peers/featurize_peer.py gen</c> writes, with
/// the chain the scikit-learn peer builds (bench/peers/features-bench.sh runs both). Reading the CSV is not timed.
/// </summary>
internal static class FeaturesBenchCommand
{
    // Applying the fitted chain again (transform only) goes in chunks, like batch scoring; each chunk's output is
    // counted, then dropped.
    private const int ChunkRows = 65_536;

    public static void AddTo(Command features)
    {
        var data = new Option<string>("--data") { Description = "CSV from featurize_peer.py gen (x1,x2,x3,color,city,user,hour,weekday,title,label)", Required = true };
        var fitRows = new Option<int>("--fit-rows") { Description = "Rows the chain is fitted on, the first ones (default: all, fit and transform at once like the peer's fit_transform)", DefaultValueFactory = _ => int.MaxValue };
        var bench = new Command("bench", "Time fitting and applying a feature chain like the scikit-learn peer's ColumnTransformer") { data, fitRows };
        bench.SetAction((parse, ct) => CommandContext.RunAsync(parse, ctx => Task.FromResult(Run(ctx, parse.GetValue(data)!, parse.GetValue(fitRows)))));
        features.Subcommands.Add(bench);
    }

    private static int Run(CommandContext ctx, string path, int fitRows)
    {
        if (fitRows < 1) throw Core.RecurException.Invalid("--fit-rows must be at least 1", "--fit-rows");
        var types = new Dictionary<string, string>
        {
            ["x1"] = "real", ["x2"] = "real", ["x3"] = "real", ["color"] = "text", ["city"] = "text", ["user"] = "text",
            ["hour"] = "integer", ["weekday"] = "integer", ["title"] = "text", ["label"] = "integer",
        };
        var raw = DelimitedParser.ParseFile(Path.GetFullPath(path), new DatasetConfig { Header = true, Missing = [""], Types = types }, path).Table;
        foreach (var name in types.Keys)
        {
            if (!raw.Has(name)) throw Core.RecurException.Invalid($"{path}: no column '{name}' (expected the table of featurize_peer.py gen)", "--data");
        }
        var rows = raw.RowCount;
        var train = fitRows >= rows ? raw : raw.Take([.. Enumerable.Range(0, fitRows)]);
        var plan = new FeaturePlan([.. types.Keys.Where(n => n != "label").Select(n => new FeatureSpec(n, raw[n].Spec.Type, true))], "label", "1", "0");

        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var fitted = FeatureEngineering.Fit(Config(), plan, train);
        var chain = fitted.Chain!;
        var fitSeconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        var cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
        // Fitted on every row, the fit already transformed them (fit_transform): that is the headline, as for the peer.
        var fitTransform = train.RowCount == rows;
        var fitCpu = cpuSeconds;
        var fitNonzeros = Nonzeros(fitted.Features!);

        long nonzeros = 0;
        var width = 0;
        var apply = TimeSpan.Zero;
        for (var start = 0; start < rows; start += ChunkRows)
        {
            var chunk = raw.Take([.. Enumerable.Range(start, Math.Min(ChunkRows, rows - start))]);
            process.Refresh();
            cpu = process.TotalProcessorTime;
            clock.Restart();
            var features = chain.Apply(chunk);
            apply += clock.Elapsed;
            process.Refresh();
            cpuSeconds += (process.TotalProcessorTime - cpu).TotalSeconds;
            width = features.Columns.Count;
            nonzeros += Nonzeros(features);
        }
        var applySeconds = apply.TotalSeconds;
        var seconds = fitTransform ? fitSeconds : fitSeconds + applySeconds;
        if (fitTransform)
        {
            cpuSeconds = fitCpu;
            nonzeros = fitNonzeros;
        }
        var result = new
        {
            rows, seconds = Math.Round(seconds, 3), cpu_seconds = Math.Round(cpuSeconds, 3), rows_per_second = Math.Round(rows / seconds),
            output_width = width, fit_seconds = Math.Round(fitSeconds, 3), apply_seconds = Math.Round(applySeconds, 3),
            fit_rows = train.RowCount, chunk_rows = ChunkRows, apply_rows_per_second = Math.Round(rows / applySeconds),
            nonzeros, sparse_tfidf = true, measured = fitTransform ? "fit_transform" : "fit on fit_rows, then transform all rows",
        };
        if (ctx.Json) ctx.WriteJson(result);
        else
        {
            ctx.Human.WriteLine($"{rows:N0} rows in {seconds:F2} s = {result.rows_per_second:N0} rows/s (fit on {train.RowCount:N0} rows {fitSeconds:F2} s, apply {applySeconds:F2} s in chunks of {ChunkRows:N0})");
            ctx.Human.WriteLine($"{width:N0} output columns (TF-IDF terms sparse), {nonzeros:N0} non-zero or categorical values");
        }
        return 0;
    }

    // The peer's ColumnTransformer: impute(mean) + scale x1..x3, one-hot color and city, hash user into 1024 and
    // hour x weekday into 256, TF-IDF of title's word unigrams (1000 terms). No indicator columns: the peer has none.
    private static FeaturesConfig Config() => new()
    {
        Transforms =
        [
            new TransformConfig { Transform = "impute", Columns = ["x1", "x2", "x3"], Params = { ["strategy"] = "mean", ["indicator"] = "false" } },
            new TransformConfig { Transform = "standardize", Columns = ["x1", "x2", "x3"] },
            new TransformConfig { Transform = "onehot", Columns = ["color", "city"] },
            new TransformConfig { Transform = "hash", Columns = ["user"], Params = { ["buckets"] = "1024" } },
            new TransformConfig { Transform = "cross", Columns = ["hour", "weekday"], Params = { ["buckets"] = "256" } },
            new TransformConfig { Transform = "tfidf", Columns = ["title"], Params = { ["max_terms"] = "1000", ["min_df"] = "1", ["word_ngrams"] = "1" } },
        ],
    };

    // Non-zero numbers and present categories: touches every output value so none of the work can be skipped.
    private static long Nonzeros(DataTable features)
    {
        long count = 0;
        foreach (var column in features.Columns)
        {
            if (column is NumericColumn { Sparse: { } sparse })
            {
                count += sparse.Rows.Length;
            }
            else if (column is NumericColumn n)
            {
                foreach (var v in n.Values) count += v != 0 ? 1 : 0;
            }
            else
            {
                foreach (var v in ((TextColumn)column).Values) count += v is null ? 0 : 1;
            }
        }
        return count;
    }
}
