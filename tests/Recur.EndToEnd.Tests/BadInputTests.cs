using System.Globalization;
using System.Text;

namespace Recur.EndToEnd.Tests;

/// <summary>
/// Bad input is refused before any training starts: `recur train` exits 1 with one line naming the recur.yaml
/// key and its line, and nothing is registered or written.
/// </summary>
public sealed class BadInputTests
{
    // Forty rows of a numeric feature x and a label y made by the case.
    private static string Csv(Func<int, string> label)
    {
        var text = new StringBuilder("x,y\n");
        for (var i = 0; i < 40; i++) text.Append(CultureInfo.InvariantCulture, $"{i * 0.5},{label(i)}\n");
        return text.ToString();
    }

    private static string Yaml(string settings) => $"name: bad\nlabel: y\n{settings}datasets:\n  train:\n    source: data.csv\n";

    private static string Quantity(int i) => (i * 3.7 % 11).ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>Cases only the data can reveal: recur.yaml loads, the data ingests, then train refuses.</summary>
    public static TheoryData<string, string, string, string, int> DataCases() => new()
    {
        { "a label with one class", Yaml(""), Csv(_ => "yes"), "label 'y' has 1 class (yes)", 2 },
        { "a regression label with text", Yaml("task: regression\n"), Csv(i => i == 7 ? "many" : Quantity(i)), "row 8: 'many'", 2 },
        { "2,000 classes", Yaml("task: multiclass\n"), ManyClasses(), "max_classes", 3 },
        { "binary task, three classes", Yaml("task: binary\n"), Csv(i => "abc"[i % 3].ToString()), "task is binary, but label 'y' has 3 classes", 3 },
        { "a metric of another task", Yaml("promotion:\n  metric: auc\n"), Csv(Quantity), "promotion.metric: 'auc' is not a regression metric", 4 },
        { "a trainer that cannot learn the task", Yaml("training:\n  trainer: lbfgs\n"), Csv(Quantity), "trainer 'lbfgs' does not support regression", 4 },
        { "a cross of a column that does not exist", Yaml(Transform("cross", "[x, z]")), Csv(Quantity), "no input column 'z'", 6 },
        { "a numeric transform on a text column", Yaml(Transform("standardize", "[t]")), TextCsv(), "transform 'standardize' needs numbers, but column 't' holds text", 6 },
        { "a role that does not fit the column", Yaml("features:\n  roles:\n    t: numeric\n"), TextCsv(), "column 't' holds text; it cannot be numeric", 5 },
    };

    private static string Transform(string name, string columns, string parameters = "") =>
        $"features:\n  transforms:\n    - transform: {name}\n      columns: {columns}\n{(parameters.Length > 0 ? $"      params: {parameters}\n" : "")}";

    // Forty rows of x, a text column t and a numeric label y.
    private static string TextCsv()
    {
        var text = new StringBuilder("x,t,y\n");
        for (var i = 0; i < 40; i++) text.Append(CultureInfo.InvariantCulture, $"{i * 0.5},{"abcd"[i % 4]},{Quantity(i)}\n");
        return text.ToString();
    }

    /// <summary>Cases recur.yaml alone reveals: every command refuses to open the project.</summary>
    public static TheoryData<string, string, int> LoadCases() => new()
    {
        { Yaml("task: regression\ntraining:\n  trainer: lbfgs\n"), "training.trainer", 5 },
        { Yaml("training:\n  candidates:\n    - trainer: lightgbm\n      params: {depth: 3}\n"), "training.candidates[0].params.depth", 6 },
        { Yaml("task: regression\npromotion:\n  metric: auc\n"), "promotion.metric", 5 },
        { Yaml("monitoring:\n  p_value: 2\n"), "monitoring.p_value", 4 },
        { Yaml("monitoring:\n  correction: holm\n"), "monitoring.correction", 4 },
        { Yaml("task: multiclass\npositive: yes\n"), "positive", 4 },
        { Yaml(Transform("sqrt", "[x]")), "unknown transform 'sqrt'", 5 },
        { Yaml(Transform("hash", "[x]", "{buckets: 0}")), "features.transforms[0].params.buckets: 0 is out of range", 7 },
        { Yaml(Transform("bucketize", "[x]", "{buckets: 100000000}")), "features.transforms[0].params.buckets", 7 },
        { Yaml(Transform("cross", "[x]")), "a cross needs two or more columns", 6 },
        { Yaml(Transform("tfidf", "[x]", "{ngrams: 2}")), "unknown parameter 'ngrams' for transform 'tfidf'", 7 },
        { Yaml("features:\n  roles:\n    x: vector\n"), "features.roles.x: 'vector' is not a role", 5 },
    };

    private static string ManyClasses()
    {
        var text = new StringBuilder("x,y\n");
        for (var i = 0; i < 2000; i++) text.Append(CultureInfo.InvariantCulture, $"{i},class-{i}\n");
        return text.ToString();
    }

    [Theory]
    [MemberData(nameof(DataCases))]
    public async Task Train_BadData_FailsNamingTheKeyAndLineAndRegistersNothing(string name, string yaml, string csv, string expected, int line)
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.Path("recur.yaml"), yaml);
        File.WriteAllText(dir.Path("data.csv"), csv);
        await CliRunner.OkAsync(dir.Root, "ingest", "train", "--project", dir.Root);

        var result = await CliRunner.RunAsync(dir.Root, "train", "--project", dir.Root);

        Assert.True(result.ExitCode == 1, $"{name}: exit {result.ExitCode}: {result.Stderr}");
        var error = AssertOneErrorLine(result.Stderr, line);
        Assert.Contains(expected, error);
        var models = (await CliRunner.OkAsync(dir.Root, "models", "list", "--json", "--project", dir.Root)).Json;
        Assert.Equal(0, models.GetProperty("versions").GetArrayLength());
        Assert.Empty(Files(dir.Path(".recur/artifacts")));
        Assert.Empty(Files(dir.Path(".recur/reports")));
        Assert.DoesNotContain(Files(dir.Path(".recur/lake")), f => f.Contains(".train-", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(LoadCases))]
    public async Task Train_BadSetting_FailsAtLoadNamingTheKeyAndLine(string yaml, string key, int line)
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.Path("recur.yaml"), yaml);
        File.WriteAllText(dir.Path("data.csv"), Csv(Quantity));

        var result = await CliRunner.RunAsync(dir.Root, "train", "--project", dir.Root);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(key, AssertOneErrorLine(result.Stderr, line));
        Assert.False(Directory.Exists(dir.Path(".recur")), "nothing may be written for a project file that does not load");
    }

    // The last line of stderr is the error: "error: recur.yaml: line N, column C: …", and it is the only error line.
    private static string AssertOneErrorLine(string stderr, int line)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var error = lines[^1];
        Assert.StartsWith($"error: recur.yaml: line {line}, column ", error);
        Assert.Single(lines, l => l.StartsWith("error:", StringComparison.Ordinal));
        return error;
    }

    private static string[] Files(string folder) => Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories) : [];
}
