using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using static Recur.EndToEnd.Tests.TaskLoop;

namespace Recur.EndToEnd.Tests;

/// <summary>
/// Explanations of a linear model (examples/iris trained with <c>training.trainer: sdca</c>), driven as a user would:
/// `recur explain` and `POST /v1/models/iris:explain` give the same contributions, and per class the expected value plus
/// the contributions is the class score whose softmax is the served probability; `recur explain --global` ranks the
/// inputs with intervals and writes its page.
/// </summary>
public sealed partial class ExplainLinearLoopTests
{
    private static readonly string[] Classes = ["0", "1", "2"];

    private const string Instances =
        """{"instances":[{"key":"row-1","features":{"sepal_length":5.1,"sepal_width":3.5,"petal_length":1.4,"petal_width":0.2}},{"key":"row-2","features":{"sepal_length":6.7,"sepal_width":3.0,"petal_length":5.2,"petal_width":2.3}},{"key":"row-3","features":{"sepal_length":5.9,"sepal_width":2.8,"petal_length":4.3,"petal_width":1.3}}]}""";

    [Fact]
    public async Task Sdca_ExplainCliRestAndGlobal_AddUpToTheServedProbabilities()
    {
        using var dir = new TempDir();
        var root = CopyExample(dir, "iris");
        var yaml = File.ReadAllText(Path.Combine(root, "recur.yaml"));
        yaml = TrainingBlock().Replace(yaml, "training:\n  trainer: sdca\n\n");
        File.WriteAllText(Path.Combine(root, "recur.yaml"), yaml.Replace("min_gain_over_baseline: -0.05", "min_gain_over_baseline: -1", StringComparison.Ordinal));
        await IngestAsync(dir, root);
        var train = (await CliRunner.OkAsync(dir.Root, "train", "--json", "--project", root)).Json;
        Assert.True(train.GetProperty("gate").GetProperty("promote").GetBoolean(), train.ToString());

        File.WriteAllLines(dir.Path("rows.csv"), ["sepal_length,sepal_width,petal_length,petal_width", "5.1,3.5,1.4,0.2", "6.7,3.0,5.2,2.3", "5.9,2.8,4.3,1.3"]);
        var cli = (await CliRunner.OkAsync(dir.Root, "explain", dir.Path("rows.csv"), "--json", "--project", root)).Json.GetProperty("rows");
        JsonElement rest, predictions;
        await using (var server = await ServerProcess.StartAsync(root))
        {
            using var http = server.Client();
            using var explained = await http.PostAsync("/v1/models/iris:explain", Json(Instances));
            Assert.Equal(HttpStatusCode.OK, explained.StatusCode);
            rest = (await explained.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rows");
            using var predicted = await http.PostAsync("/v1/models/iris:predict", Json(Instances));
            predictions = (await predicted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("predictions");
        }

        Assert.Equal(3, cli.GetArrayLength());
        for (var i = 0; i < 3; i++)
        {
            var scores = Classes.Select(c => cli[i].GetProperty("expected").GetProperty(c).GetDouble()
                + cli[i].GetProperty("contributions").GetProperty(c).EnumerateObject().Sum(p => p.Value.GetDouble())).ToArray();
            var max = scores.Max();
            var total = scores.Sum(s => Math.Exp(s - max));
            for (var k = 0; k < Classes.Length; k++)
            {
                var served = predictions[i].GetProperty("scores").GetProperty(Classes[k]).GetDouble();
                Assert.Equal(served, Math.Exp(scores[k] - max) / total, 5);
                var contributions = cli[i].GetProperty("contributions").GetProperty(Classes[k]).EnumerateObject().ToList();
                Assert.Equal(4, contributions.Count);
                var online = rest[i].GetProperty("contributions").GetProperty(Classes[k]);
                Assert.All(contributions, c => Assert.Equal(c.Value.GetDouble(), online.GetProperty(c.Name).GetDouble(), 9));
            }
        }

        // Global importance on the evaluation rows: every input with an interval around its mean drop, sorted by it; the
        // petal width carries the largest mean |SHAP| (shuffling one petal measure barely hurts: the other stands in).
        var global = (await CliRunner.OkAsync(dir.Root, "explain", "--global", "--json", "--project", root)).Json;
        Assert.Equal("macro_f1", global.GetProperty("metric").GetString());
        var columns = global.GetProperty("columns").EnumerateArray().ToList();
        Assert.Equal(4, columns.Count);
        var drops = columns.Select(c => c.GetProperty("permutation").GetDouble()).ToList();
        Assert.Equal(drops.OrderByDescending(d => d), drops);
        var shap = columns.ToDictionary(c => c.GetProperty("column").GetString()!, c => c.GetProperty("mean_abs_shap").EnumerateObject().Sum(p => p.Value.GetDouble()));
        Assert.Equal("petal_width", shap.MaxBy(p => p.Value).Key);
        Assert.All(columns, c => Assert.True(c.GetProperty("low").GetDouble() <= c.GetProperty("permutation").GetDouble() + 1e-12
            && c.GetProperty("permutation").GetDouble() <= c.GetProperty("high").GetDouble() + 1e-12));
        Assert.All(columns, c => Assert.Equal(3, c.GetProperty("mean_abs_shap").EnumerateObject().Count()));
        var page = File.ReadAllText(global.GetProperty("report").GetString()!);
        Assert.Contains("Permutation importance", page, StringComparison.Ordinal);
        Assert.Contains("<svg", page, StringComparison.Ordinal);
        var human = await CliRunner.OkAsync(dir.Root, "explain", "--global", "--project", root);
        Assert.Contains("mean |SHAP|", human.Stdout, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"training:\n(  .*\n)+\n?")]
    private static partial Regex TrainingBlock();
}
