using Microsoft.Extensions.DependencyInjection;
using Recur.Core.Modeling;
using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Project;
using Recur.Core.Serving;
using Recur.Lake.Ingest;
using Recur.Serving;
using Recur.Serving.Log;
using Recur.Serving.Requests;
using Recur.Serving.Batch;
using Recur.Pipeline.Batch;

namespace Recur.Cli.Commands;

/// <summary>
/// <c>recur predict INPUT --output OUT</c>: batch scoring of a CSV, Parquet or JSON Lines file or a lake snapshot, in
/// chunks scored in parallel, keys and order kept, every row logged; bad rows are refused into a rejects file and the
/// rest are scored. Exit 0 when no more rows were refused than <c>--max-rejects</c> (default 0), else 5.
/// </summary>
internal static class PredictCommand
{
    /// <summary>Exit code when more rows were refused than --max-rejects allows (the good rows are still scored and written).</summary>
    public const int RowsRejected = 5;

    public static Command Create()
    {
        var input = new Argument<string>("input") { Description = "A CSV (header row), Parquet or JSON Lines file, or a snapshot: a dataset name (its newest snapshot) or snapshot id" };
        var output = new Option<string>("--output", "-o") { Description = "Where to write key,label,score,model_version (JSON Lines when it ends in .jsonl or .ndjson)", Required = true };
        var key = new Option<string?>("--key") { Description = "Column holding each row's key (default: recur.yaml 'key', else row-N by data row)" };
        var version = new Option<int?>("--version") { Description = "Model version (default: the champion alias)" };
        var alias = new Option<string?>("--alias") { Description = "Model alias" };
        var rejects = new Option<string?>("--rejects") { Description = "Where to write the refused rows as JSON Lines (default: OUTPUT.rejects.jsonl)" };
        var maxRejects = new Option<long>("--max-rejects") { Description = "Refused rows tolerated before exiting 5 (default 0)", DefaultValueFactory = _ => 0 };
        var parallel = new Option<int>("--parallel") { Description = "Chunks scored at once (default: the processor count)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var chunkRows = new Option<int>("--chunk-rows") { Description = "Rows per chunk (default 8192)", DefaultValueFactory = _ => 8192 };
        var noLog = new Option<bool>("--no-log") { Description = "Leave the predictions out of the prediction log (monitoring and feedback will not see them)" };
        var publish = new Option<bool>("--publish") { Description = "Publish the keyed results for GET /v1/models/{name}/predictions/{key}, replacing the model's previous published run" };
        var command = new Command("predict", "Score a file or snapshot in batch; keys pass through to the output and the prediction log; bad rows are refused, not fatal")
        {
            input, output, key, version, alias, rejects, maxRejects, parallel, chunkRows, noLog, publish,
        };
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            if (parse.GetValue(maxRejects) < 0) throw RecurException.Invalid("--max-rejects must be 0 or more", "--max-rejects");
            var options = new BatchOptions
            {
                ChunkRows = parse.GetValue(chunkRows),
                Parallel = parse.GetValue(parallel),
                Log = !parse.GetValue(noLog),
            };
            options.Validate();
            var project = ctx.OpenProject();
            var pool = project.Services.GetRequiredService<ModelPool>();
            var loaded = await pool.GetAsync(ModelSelector.From(project.Config.Name, parse.GetValue(version), parse.GetValue(alias)), ct);
            options = new BatchOptions
            {
                ChunkRows = options.ChunkRows,
                Parallel = options.Parallel,
                Log = options.Log,
                KeyColumn = parse.GetValue(key) ?? project.Config.Key,
                MissingTokens = [.. project.Config.Datasets.Values.SelectMany(d => d.Missing).Distinct()],
            };
            var outputPath = parse.GetValue(output)!;
            var rejectsPath = parse.GetValue(rejects) ?? outputPath + ".rejects.jsonl";
            await using var source = await BatchSources.OpenAsync(project, parse.GetValue(input)!, ct);
            await using var written = new PredictionFileSink(outputPath, loaded.Model.Manifest.Plan, rules: project.Config.Safeguards.Any);
            await using var refused = new RejectsFileSink(rejectsPath);
            await using var published = parse.GetValue(publish)
                ? new PublishedSink(project.Services.GetRequiredService<IPublishedPredictions>(), loaded.Version.Model, loaded.Version.Version, project.Services.GetRequiredService<TimeProvider>())
                : null;
            IBatchSink[] sinks = published is null ? [written, refused] : [written, refused, published];
            var scorer = project.Services.GetRequiredService<BatchScorer>();
            var summary = await scorer.RunAsync(loaded, source, options, sinks, new StderrProgress(), ct);
            var failed = summary.Rejected > parse.GetValue(maxRejects);
            if (ctx.Json)
            {
                ctx.WriteJson(new
                {
                    rows = summary.Rows, scored = summary.Scored, rejected = summary.Rejected, output = outputPath,
                    rejects = summary.Rejected > 0 ? rejectsPath : null, model_version = summary.ModelVersion,
                    rows_per_second = Math.Round(summary.RowsPerSecond), seconds = Math.Round(summary.Seconds, 3),
                    logged = options.Log, published = published is not null,
                });
            }
            else
            {
                ctx.Human.WriteLine($"Scored {summary.Scored} of {summary.Rows} rows with {loaded.Version.Model} v{loaded.Version.Version} -> {outputPath} ({summary.RowsPerSecond:F0} rows/s)"
                    + (summary.Rejected > 0 ? $"; {summary.Rejected} refused -> {rejectsPath}" : "") + (published is not null ? "; published" : ""));
            }
            if (failed) await Console.Error.WriteLineAsync($"error: {summary.Rejected} rows refused (more than --max-rejects {parse.GetValue(maxRejects)}); see {rejectsPath}");
            return failed ? RowsRejected : 0;
        }));
        PredictBenchCommand.AddTo(command);
        return command;
    }

    // Rows/s on stderr at most once a second, so a long run shows it is moving.
    private sealed class StderrProgress : IProgress<BatchProgress>
    {
        private double _last;

        public void Report(BatchProgress value)
        {
            if (value.Seconds - _last < 1) return;
            _last = value.Seconds;
            Console.Error.WriteLine($"predict: {value.Rows:N0} rows ({value.Rejected:N0} refused), {value.RowsPerSecond:N0} rows/s");
        }
    }

    /// <summary>A CSV file of raw rows typed as the model's inputs, with each row's key (the key column, else row-N).</summary>
    internal static (DataTable Table, string[] Keys, ParsedTable Parsed) ReadRows(Pipeline.RecurProject project, FeaturePlan plan, string input, string? keyOption)
    {
        var path = Path.GetFullPath(input);
        var missing = project.Config.Datasets.Values.SelectMany(d => d.Missing).Distinct().ToList();
        var parsed = DelimitedParser.ParseFile(path, new DatasetConfig
        {
            Header = true,
            Missing = missing,
            Types = plan.Features.ToDictionary(f => f.Name, f => f.Type.ToName()),
        }, input);
        var table = parsed.Table;
        foreach (var f in plan.Features)
        {
            if (!table.Has(f.Name)) throw RecurException.Invalid($"{input}: column '{f.Name}' is missing (the model needs it)", f.Name);
        }
        var keyColumn = keyOption ?? project.Config.Key;
        if (keyColumn is not null && !table.Has(keyColumn)) throw RecurException.Invalid($"{input}: no key column '{keyColumn}'", "--key");
        var keys = Enumerable.Range(0, table.RowCount).Select(r => keyColumn is null ? $"row-{r + 1}" : table[keyColumn].Format(r) ?? $"row-{r + 1}").ToArray();
        return (table, keys, parsed);
    }

    internal static string InputsJson(DataTable table, IEnumerable<FeatureSpec> features, int row)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var f in features)
            {
                switch (table[f.Name])
                {
                    case NumericColumn n when !double.IsNaN(n.Values[row]): json.WriteNumber(f.Name, n.Values[row]); break;
                    case TextColumn t when t.Values[row] is { } s: json.WriteString(f.Name, s); break;
                    default: json.WriteNull(f.Name); break;
                }
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
