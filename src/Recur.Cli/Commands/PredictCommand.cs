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

namespace Recur.Cli.Commands;

/// <summary><c>recur predict IN.csv --output OUT.csv</c>: batch scoring, keys passed through, every row logged.</summary>
internal static class PredictCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("input") { Description = "CSV file with a header row holding the model's features" };
        var output = new Option<string>("--output", "-o") { Description = "Where to write key,label,score,model_version", Required = true };
        var key = new Option<string?>("--key") { Description = "Column holding each row's key (default: recur.yaml 'key', else row-N by data row)" };
        var version = new Option<int?>("--version") { Description = "Model version (default: the champion alias)" };
        var alias = new Option<string?>("--alias") { Description = "Model alias" };
        var command = new Command("predict", "Score a file in batch; keys pass through to the output and the prediction log") { input, output, key, version, alias };
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var project = ctx.OpenProject();
            var pool = project.Services.GetRequiredService<ModelPool>();
            var loaded = await pool.GetAsync(ModelSelector.From(project.Config.Name, parse.GetValue(version), parse.GetValue(alias)), ct);
            var plan = loaded.Model.Manifest.Plan;
            var (table, keys, parsed) = ReadRows(project, plan, parse.GetValue(input)!, parse.GetValue(key));

            // The same prediction service as the REST API: scoring for the task, and the log.
            IReadOnlyList<PredictionResult> records;
            var log = project.Services.GetRequiredService<PredictionLogWriter>();
            var service = project.Services.GetRequiredService<PredictionService>();
            var inputs = Enumerable.Range(0, table.RowCount).Select(r => InputsJson(table, plan.Features, r)).ToArray();
            records = service.Predict(loaded, new PredictBatch(keys, table, inputs));
            await log.FlushAsync();
            if (log.Failures > 0) throw new IOException("the prediction log could not be written (the cause is logged on stderr)");
            WriteCsv(parse.GetValue(output)!, records, plan);
            if (ctx.Json) ctx.WriteJson(new { rows = records.Count, quarantined = parsed.Quarantined.Count, output = parse.GetValue(output), model_version = loaded.Version.Version });
            else ctx.Human.WriteLine($"Scored {records.Count} rows with {loaded.Version.Model} v{loaded.Version.Version} -> {parse.GetValue(output)} ({parsed.Quarantined.Count} quarantined)");
            return 0;
        }));
        return command;
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

    // Binary: key,label,score; multiclass: key,label,score,score_<class>…; regression: key,value.
    private static void WriteCsv(string path, IReadOnlyList<PredictionResult> records, FeaturePlan plan)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp";
        using (var writer = new StreamWriter(temp, false, new UTF8Encoding(false)))
        {
            var regression = plan.Task == ModelTask.Regression;
            var classes = plan.Task == ModelTask.Multiclass ? plan.Classes : [];
            writer.WriteLine(regression ? "key,value,model_version" : "key,label,score" + string.Concat(classes.Select(c => "," + Quote("score_" + c))) + ",model_version");
            foreach (var r in records)
            {
                var score = r.Score.ToString("R", CultureInfo.InvariantCulture);
                var perClass = string.Concat(classes.Select(c => "," + r.Scores![c].ToString("R", CultureInfo.InvariantCulture)));
                writer.WriteLine(regression ? $"{Quote(r.Key)},{score},{r.ModelVersion}" : $"{Quote(r.Key)},{Quote(r.Label)},{score}{perClass},{r.ModelVersion}");
            }
        }
        File.Move(temp, full, overwrite: true);
    }

    private static string Quote(string s) => s.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
