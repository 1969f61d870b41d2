using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using static Recur.EndToEnd.Tests.TaskLoop;

namespace Recur.EndToEnd.Tests;

/// <summary>
/// <c>features.windows</c> end to end on NAB's machine_temperature stream (examples/nab-windows): <c>recur train</c> learns
/// from the window columns, <c>recur serve</c> computes them per request from its live state, and replaying the held-out
/// readings one request at a time gives the batch driver's features bit for bit and the batch scores exactly.
/// </summary>
public sealed class WindowedServingTests
{
    private static readonly string[] WindowNames = ["value_mean_1h", "value_std_1h", "value_min_6h", "value_max_50", "value_mean_1d", "value_z_1d"];

    [Fact]
    public async Task Serve_HeldOutReadingsReplayedOneByOne_EqualTheBatchFeaturesAndScores()
    {
        using var dir = new TempDir();
        var root = CopyExample(dir, "nab-windows");
        await CliRunner.OkAsync(root, "ingest", "train");
        await CliRunner.OkAsync(root, "ingest", "test");
        var trained = await CliRunner.RunAsync(root, "train", "--json");
        // The gate may keep it as the challenger (exit 3); either way version 1 is registered with its windows.
        Assert.True(trained.ExitCode is 0 or 3, trained.Stderr);
        var candidate = trained.Json.GetProperty("candidate");
        Assert.InRange(candidate.GetProperty("auc").GetDouble(), candidate.GetProperty("auc_low").GetDouble(), candidate.GetProperty("auc_high").GetDouble());
        Assert.Equal(1, trained.Json.GetProperty("registered").GetProperty("version").GetInt32());

        // The batch side: the window columns of the held-out table (what training evaluated on), and the model's scores for them.
        await CliRunner.OkAsync(root, "windows", "apply", "data/heldout.csv", "--out", "batch.csv", "--json");
        await CliRunner.OkAsync(root, "predict", "batch.csv", "--version", "1", "--key", "timestamp", "--output", "batch-scores.csv", "--no-log", "--json");
        var batch = ReadCsv(Path.Combine(root, "batch.csv"));
        // recur eval computes the window columns of the raw evaluation snapshot as training did: the same metric.
        var evaluated = (await CliRunner.OkAsync(root, "eval", "1", "--json")).Json;
        Assert.Equal(candidate.GetProperty("auc").GetDouble(), evaluated.GetProperty("metrics").GetProperty("auc").GetDouble(), 12);
        var batchScores = ReadCsv(Path.Combine(root, "batch-scores.csv")).ToDictionary(r => r["key"], r => double.Parse(r["score"], CultureInfo.InvariantCulture));
        Assert.Equal(6809, batch.Count);

        // The live side: each reading as its own request, in time order, carrying only the timestamp and the value.
        var served = new Dictionary<string, double>(StringComparer.Ordinal);
        await using (var server = await ServerProcess.StartAsync(root))
        {
            using var http = server.Client();
            foreach (var row in batch)
            {
                // The value goes as the file's text, so the server parses the characters the batch driver parsed.
                var body = "{\"instances\":[{\"key\":\"" + row["timestamp"] + "\",\"features\":{\"timestamp\":\"" + row["timestamp"] + "\",\"value\":" + row["value"] + "}}]}";
                using var response = await http.PostAsync("/v1/models/nab-windows/versions/1:predict", new StringContent(body, Encoding.UTF8, "application/json"));
                var text = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode == HttpStatusCode.OK, text);
                var prediction = JsonDocument.Parse(text).RootElement.GetProperty("predictions")[0];
                served[prediction.GetProperty("key").GetString()!] = prediction.GetProperty("score").GetDouble();
            }

            // A request that sends a window feature is refused, naming it: the server computes it.
            var forged = """{"instances":[{"key":"x","features":{"timestamp":"2014-02-20 00:00:00","value":90,"value_mean_1h":1}}]}""";
            using var refused = await http.PostAsync("/v1/models/nab-windows/versions/1:predict", new StringContent(forged, Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("instances[0].features.value_mean_1h", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // Identical scores, and the logged inputs (what the model read) hold the batch window features bit for bit.
        Assert.Equal(batch.Count, served.Count);
        foreach (var row in batch) Assert.Equal(batchScores[row["timestamp"]], served[row["timestamp"]]);
        var logged = LoggedInputs(Path.Combine(root, ".recur", "recur.db"));
        Assert.Equal(batch.Count, logged.Count);
        foreach (var row in batch)
        {
            var inputs = logged[row["timestamp"]];
            Assert.False(inputs.TryGetProperty("timestamp", out _), "the time feeds the windows, not the model");
            foreach (var name in WindowNames)
            {
                var expected = row[name].Length == 0 ? double.NaN : double.Parse(row[name], CultureInfo.InvariantCulture);
                var value = inputs.GetProperty(name);
                var actual = value.ValueKind == JsonValueKind.Null ? double.NaN : value.GetDouble();
                Assert.True(BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual), $"{row["timestamp"]} {name}: batch {row[name]}, served {value.GetRawText()}");
            }
        }
    }

    private static Dictionary<string, JsonElement> LoggedInputs(string database)
    {
        var rows = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT key, inputs_json FROM predictions WHERE model = 'nab-windows' AND key <> 'x'";
        using var reader = command.ExecuteReader();
        while (reader.Read()) rows[reader.GetString(0)] = JsonDocument.Parse(reader.GetString(1)).RootElement.Clone();
        return rows;
    }

    // A plain CSV (no quoted commas: timestamps, numbers and yes/no) as one dictionary per row.
    private static List<Dictionary<string, string>> ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        return lines.Skip(1).Where(l => l.Length > 0).Select(l =>
        {
            var cells = l.Split(',');
            return header.Select((h, i) => (h, c: i < cells.Length ? cells[i].Trim('"') : "")).ToDictionary(p => p.h, p => p.c, StringComparer.Ordinal);
        }).ToList();
    }
}
