using Recur.Pipeline.Config;

namespace Recur.EndToEnd.Tests;

/// <summary>`recur init --source FILE --label COL` on real and awkward files: what it reads, checks and writes.</summary>
public sealed class InitCliTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string AdultTrain()
    {
        var path = _dir.Path("train.csv");
        if (!File.Exists(path)) File.Copy(Path.Combine(AppContext.BaseDirectory, "data", "adult-small", "train.csv"), path);
        return path;
    }

    private Task<CliResult> Init(string project, params string[] args) => CliRunner.RunAsync(_dir.Root, ["init", "--project", _dir.Path(project), .. args]);

    [Theory]
    [InlineData("#Label")]
    [InlineData("yes")]
    [InlineData("a: b")]
    [InlineData("say \"hi\"")]
    [InlineData("null")]
    [InlineData("- x")]
    public async Task Init_AwkwardLabelName_WritesAFileTheLoaderReadsBack(string label)
    {
        var source = _dir.Path("awkward.csv");
        File.WriteAllText(source, $"id,\"{label.Replace("\"", "\"\"", StringComparison.Ordinal)}\",n\nk1,a,1\nk2,b,2\nk3,a,3\n");

        var result = await Init("p", "--source", source, "--label", label, "--key", "id");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var (config, _) = ProjectConfigLoader.Load(_dir.Path("p/recur.yaml"));
        Assert.Equal(label, config.Label);
        Assert.Equal("id", config.Key);
        Assert.Equal("../awkward.csv", config.Datasets["train"].Source);
    }

    [Fact]
    public async Task Init_AdultSource_PrintsColumnsAndTheBinaryTask()
    {
        var result = await Init("p", "--source", AdultTrain(), "--label", "income");

        Assert.Equal(0, result.ExitCode);
        var text = result.Stdout.ReplaceLineEndings(" ");
        Assert.Contains("delimiter ','", text);
        Assert.Contains("3000 rows, 16 columns", text);
        Assert.Contains("native-country", text);
        Assert.Contains("binary: 2 classes (<=50K, >50K)", text);
    }

    [Fact]
    public async Task Init_Json_PrintsColumnsTypesAndImpliedTask()
    {
        var json = (await Init("p", "--source", AdultTrain(), "--label", "hours-per-week", "--json")).Json;

        var columns = json.GetProperty("source").GetProperty("columns").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("type").GetString());
        Assert.Equal(16, columns.Count);
        Assert.Equal("integer", columns["age"]);
        Assert.Equal("text", columns["workclass"]);
        var roles = json.GetProperty("source").GetProperty("columns").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("role").GetString());
        Assert.Equal("numeric", roles["age"]);
        Assert.Equal("categorical", roles["workclass"]);
        Assert.True(json.GetProperty("source").GetProperty("header").GetBoolean());
        var task = json.GetProperty("task");
        Assert.Equal("regression", task.GetProperty("kind").GetString());
        Assert.Matches("^regression: [0-9]+ distinct numeric values", task.GetProperty("summary").GetString());
        Assert.True(task.GetProperty("trainable").GetBoolean());
    }

    [Fact]
    public async Task Init_UnknownLabel_FailsWithOneLineListingTheColumnsAndWritesNothing()
    {
        var result = await Init("p", "--source", AdultTrain(), "--label", "#Label");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.Contains("--label '#Label' is not a column", line);
        Assert.Contains("age, workclass", line);
        Assert.False(File.Exists(_dir.Path("p/recur.yaml")));
    }

    [Fact]
    public async Task Init_HeaderlessSemicolonFile_NumbersTheColumnsAndDeclaresThem()
    {
        var source = _dir.Path("raw.txt");
        File.WriteAllText(source, "39;State-gov;<=50K\n50;Private;>50K\n38;Private;<=50K\n");

        var result = await Init("p", "--source", source, "--label", "column_3");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var (config, _) = ProjectConfigLoader.Load(_dir.Path("p/recur.yaml"));
        var train = config.Datasets["train"];
        Assert.False(train.Header);
        Assert.Equal(["column_1", "column_2", "column_3"], train.Columns);
        Assert.Equal(";", train.Delimiter);
        await CliRunner.OkAsync(_dir.Root, "ingest", "train", "--project", _dir.Path("p"));
    }

    [Fact]
    public async Task Init_SourceOverEightMebibytes_ReadsASampleAndSaysSo()
    {
        var source = _dir.Path("big.csv");
        using (var writer = new StreamWriter(source))
        {
            writer.Write("id,amount,label\n");
            for (var i = 0; i < 400_000; i++) writer.Write($"row{i:D8},{i % 977}.25,{(i % 3 == 0 ? "yes" : "no")}\n");
        }

        var json = (await Init("p", "--source", source, "--label", "label", "--json")).Json;

        var read = json.GetProperty("source");
        Assert.True(read.GetProperty("sampled").GetBoolean());
        Assert.InRange(read.GetProperty("rows").GetInt32(), 100_000, 399_999);
        Assert.Equal("binary", json.GetProperty("task").GetProperty("kind").GetString());
    }
}
