using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using static Recur.EndToEnd.Tests.TaskLoop;

namespace Recur.EndToEnd.Tests;

/// <summary>
/// Declared feature engineering on the small Adult data, driven as a user would: every kind of tabular transform is
/// fitted by `recur train`, shown by `recur features show`, computed identically by `recur features apply` and the REST
/// API (unseen categories and missing values included), and served rows whose features stray are reported as skew.
/// </summary>
public sealed class FeatureChainLoopTests
{
    private const string Yaml = """
        name: adult
        label: income
        key: id
        datasets:
          train:
            source: data/train.csv
        features:
          transforms:
            - transform: impute
              columns: [age]
              params: {strategy: median}
            - transform: standardize
              columns: [age, hours-per-week]
            - transform: log
              columns: [capital-gain]
            - transform: clip
              columns: [fnlwgt]
            - transform: bucketize
              columns: [education-num]
              params: {buckets: 4}
            - transform: onehot
              columns: [occupation]
              params: {min_frequency: 20}
            - transform: hash
              columns: [native-country]
              params: {buckets: 16}
            - transform: cross
              columns: [education-num, sex]
              params: {buckets: 32}
        training:
          trainer: lightgbm
          iterations: 40
        """;

    // Raw rows: two ordinary people, then an unseen occupation and country, a missing age and a missing occupation.
    private static readonly string[] Rows =
    [
        "id,age,workclass,fnlwgt,education,education-num,marital-status,occupation,relationship,race,sex,capital-gain,capital-loss,hours-per-week,native-country",
        "q1,31,Private,259931,7th-8th,4,Married-civ-spouse,Machine-op-inspct,Husband,White,Male,0,0,40,United-States",
        "q2,52,Self-emp-inc,287927,HS-grad,9,Married-civ-spouse,Exec-managerial,Wife,White,Female,15024,0,40,United-States",
        "q3,45,Private,100000,Masters,14,Never-married,Astronaut,Not-in-family,White,Female,0,0,50,Atlantis",
        "q4,,Private,200000,Bachelors,13,Divorced,,Unmarried,Black,Male,0,0,35,Mexico",
    ];

    private static readonly HashSet<string> Numeric = ["age", "fnlwgt", "education-num", "capital-gain", "capital-loss", "hours-per-week"];

    [Fact]
    public async Task DeclaredTransforms_TrainShowApplyAndRest_GiveIdenticalFeaturesAndReportSkew()
    {
        using var dir = new TempDir();
        var root = dir.Path("adult");
        Directory.CreateDirectory(Path.Combine(root, "data"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "data", "adult-small", "train.csv"), Path.Combine(root, "data", "train.csv"));
        File.WriteAllText(Path.Combine(root, "recur.yaml"), Yaml);
        await CliRunner.OkAsync(dir.Root, "ingest", "train", "--project", root);

        var train = (await CliRunner.OkAsync(dir.Root, "train", "--json", "--project", root)).Json;
        Assert.True(train.GetProperty("gate").GetProperty("promote").GetBoolean(), train.ToString());

        // The chain with its fitted parameters: means, bucket edges, vocabulary, hash and cross buckets.
        var show = (await CliRunner.OkAsync(dir.Root, "features", "show", "--json", "--project", root)).Json;
        var steps = show.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(["impute", "standardize", "standardize", "log", "clip", "bucketize", "onehot", "hash", "cross"], steps.Select(s => s.GetProperty("transform").GetString()));
        Assert.True(double.Parse(steps[1].GetProperty("fitted").GetProperty("mean").GetString()!, System.Globalization.CultureInfo.InvariantCulture) is > 30 and < 45);
        Assert.Equal("4", steps[5].GetProperty("fitted").GetProperty("buckets").GetString());
        Assert.Equal("32", steps[8].GetProperty("fitted").GetProperty("buckets").GetString());
        var features = show.GetProperty("feature_list").EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToList();
        Assert.Contains("age:missing", features);
        Assert.Contains("education-num_x_sex", features);
        var human = await CliRunner.OkAsync(dir.Root, "features", "show", "--project", root);
        Assert.Contains("bucketize", human.Stdout);

        // The same raw rows through the CLI and through the REST API give the same features, value for value.
        File.WriteAllLines(dir.Path("rows.csv"), Rows);
        var offline = (await CliRunner.OkAsync(dir.Root, "features", "apply", dir.Path("rows.csv"), "--json", "--project", root)).Json.GetProperty("rows");
        JsonElement online;
        JsonElement explainedOnline;
        await using (var server = await ServerProcess.StartAsync(root))
        {
            using var http = server.Client();
            using var response = await http.PostAsync("/v1/models/adult:features", Json(Instances(Rows)));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            online = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rows");
            using var explainResponse = await http.PostAsync("/v1/models/adult:explain", Json(Instances(Rows)));
            Assert.Equal(HttpStatusCode.OK, explainResponse.StatusCode);
            explainedOnline = (await explainResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rows");
        }

        // Scored rows whose occupation the vocabulary never saw, and with no age: skew, reported apart from drift. (Batch
        // scoring flushes the prediction log before it exits; the test server is killed, which could lose a last batch.)
        var strays = Enumerable.Range(0, 40).Select(i => Rows[3].Replace("q3,45", $"s{i},", StringComparison.Ordinal));
        File.WriteAllLines(dir.Path("strays.csv"), [Rows[0], .. strays]);
        await CliRunner.OkAsync(dir.Root, "predict", dir.Path("strays.csv"), "-o", dir.Path("strays-scored.csv"), "--project", root);
        Assert.Equal(4, offline.GetArrayLength());
        Assert.Equal(offline.GetArrayLength(), online.GetArrayLength());
        for (var i = 0; i < offline.GetArrayLength(); i++)
        {
            Assert.Equal(offline[i].GetProperty("key").GetString(), online[i].GetProperty("key").GetString());
            var a = offline[i].GetProperty("features").EnumerateObject().Select(p => (p.Name, p.Value.GetRawText())).ToList();
            var b = online[i].GetProperty("features").EnumerateObject().Select(p => (p.Name, p.Value.GetRawText())).ToList();
            Assert.Equal(a, b);
        }
        var unseen = offline[2].GetProperty("features");
        Assert.Equal("(other)", unseen.GetProperty("occupation").GetString());
        Assert.Equal(JsonValueKind.String, unseen.GetProperty("native-country").ValueKind); // a hash bucket, never an error
        var missing = offline[3].GetProperty("features");
        Assert.Equal(1, missing.GetProperty("age:missing").GetDouble());
        Assert.Equal(JsonValueKind.Null, missing.GetProperty("occupation").ValueKind);

        var monitor = (await CliRunner.OkAsync(dir.Root, "monitor", "--json", "--project", root)).Json;
        var findings = monitor.GetProperty("skew").GetProperty("findings").EnumerateArray().ToList();
        Assert.Contains(findings, f => f.GetProperty("feature").GetString() == "occupation" && f.GetProperty("kind").GetString() == "unseen");
        Assert.Contains(findings, f => f.GetProperty("feature").GetString() == "age:missing" && f.GetProperty("kind").GetString() == "shift");
        var text = await CliRunner.OkAsync(dir.Root, "monitor", "--project", root);
        Assert.Contains("training/serving skew:", text.Stdout);

        // Explanations per raw input (a cross's share split between its columns): expected + contributions is the
        // log-odds of the score `recur predict` gives, row by row.
        var explain = (await CliRunner.OkAsync(dir.Root, "explain", dir.Path("rows.csv"), "--json", "--project", root)).Json;
        await CliRunner.OkAsync(dir.Root, "predict", dir.Path("rows.csv"), "-o", dir.Path("scored.csv"), "--project", root);
        var scores = File.ReadAllLines(dir.Path("scored.csv")).Skip(1).Select(l => double.Parse(l.Split(',')[2], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var explained = explain.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(4, explained.Count);
        for (var i = 0; i < explained.Count; i++)
        {
            var contributions = explained[i].GetProperty("contributions").GetProperty(">50K").EnumerateObject().ToList();
            Assert.Equal(14, contributions.Count);
            var logOdds = explained[i].GetProperty("expected").GetProperty(">50K").GetDouble() + contributions.Sum(c => c.Value.GetDouble());
            Assert.Equal(scores[i], 1 / (1 + Math.Exp(-logOdds)), 6);
            // The REST API explains the same rows with the same numbers.
            var rest = explainedOnline[i].GetProperty("contributions").GetProperty(">50K");
            Assert.All(contributions, c => Assert.Equal(c.Value.GetDouble(), rest.GetProperty(c.Name).GetDouble(), 12));
        }
    }

    // The CSV rows as a predict/features request: numbers as numbers, empty fields as null.
    private static string Instances(IReadOnlyList<string> rows)
    {
        var header = rows[0].Split(',');
        var json = new StringBuilder("{\"instances\":[");
        foreach (var (line, r) in rows.Skip(1).Select((l, r) => (l, r)))
        {
            var fields = line.Split(',');
            if (r > 0) json.Append(',');
            json.Append("{\"key\":\"").Append(fields[0]).Append("\",\"features\":{");
            for (var c = 1; c < header.Length; c++)
            {
                if (c > 1) json.Append(',');
                var value = fields[c].Length == 0 ? "null" : Numeric.Contains(header[c]) ? fields[c] : $"\"{fields[c]}\"";
                json.Append('"').Append(header[c]).Append("\":").Append(value);
            }
            json.Append("}}");
        }
        return json.Append("]}").ToString();
    }
}
