using Recur.Core;
using Recur.Pipeline.Config;

namespace Recur.Tests.Pipeline;

public sealed class ProjectConfigLoaderTests
{
    [Fact]
    public void Load_AdultExample_ReadsDatasetsAndRecodes()
    {
        var (config, hash) = ProjectConfigLoader.Load(Path.Combine(AppContext.BaseDirectory, "examples-adult", "recur.yaml"));

        Assert.Equal("adult-income", config.Name);
        Assert.Equal(1, config.Datasets["test"].SkipLines);
        Assert.Equal(">50K", config.Datasets["test"].Recode["income"][">50K."]);
        Assert.Equal(64, hash.Length);
        Assert.Equal(["linear", "no-demographics", "more-leaves"], config.Experiments["what-matters"].Variations.Select(v => v.Name));
    }

    [Fact]
    public void Load_UnknownKey_FailsNamingLineAndColumn()
    {
        using var dir = new TempDir();
        var path = dir.Write("recur.yaml", "name: m\nlabel: y\ntraning:\n  iterations: 3\n");

        var e = Assert.Throws<RecurException>(() => ProjectConfigLoader.Load(path));

        Assert.Contains("line 3", e.Message);
    }

    [Fact]
    public void Load_QuoteNone_ReadsIt()
    {
        using var dir = new TempDir();
        var path = dir.Write("recur.yaml", "name: m\nlabel: y\ndatasets:\n  train:\n    source: a.txt\n    quote: none\n");

        var (config, _) = ProjectConfigLoader.Load(path);

        Assert.Equal("none", config.Datasets["train"].Quote);
    }

    [Fact]
    public void Load_BadQuote_FailsNamingTheOptionAndLine()
    {
        using var dir = new TempDir();
        var path = dir.Write("recur.yaml", "name: m\nlabel: y\ndatasets:\n  train:\n    source: a.csv\n    quote: off\n");

        var e = Assert.Throws<RecurException>(() => ProjectConfigLoader.Load(path));

        Assert.Equal("datasets.train.quote", e.Field);
        Assert.Contains("line 6", e.Message);
    }

    [Fact]
    public void Load_WrongType_FailsNamingTheLine()
    {
        using var dir = new TempDir();
        var path = dir.Write("recur.yaml", "name: m\nseed: many\n");

        var e = Assert.Throws<RecurException>(() => ProjectConfigLoader.Load(path));

        Assert.Contains("line 2", e.Message);
    }

    [Fact]
    public void Load_BadThreshold_FailsNamingTheOption()
    {
        using var dir = new TempDir();
        var path = dir.Write("recur.yaml", "name: m\nevaluation:\n  threshold: 2\n");

        Assert.Equal("evaluation.threshold", Assert.Throws<RecurException>(() => ProjectConfigLoader.Load(path)).Field);
    }

    [Fact]
    public void Load_ListWhereAValueIsExpected_FailsNamingLineAndColumn()
    {
        using var dir = new TempDir();
        var path = dir.Write("recur.yaml", "name: m\nlabel: [a, b]\n");

        var e = Assert.Throws<RecurException>(() => ProjectConfigLoader.Load(path));

        Assert.Contains("line 2, column 8", e.Message);
    }

    [Fact]
    public void Load_EveryKind_ReadsNestedSettings()
    {
        using var dir = new TempDir();
        var path = dir.Write("recur.yaml", """
            name: m
            seed: 7
            label: y
            datasets:
              d:
                source: d.csv
                header: no
                columns: [a, b]
                types: {a: integer}
                recode:
                  b: {"x.": x}
            evaluation:
              threshold: 0.25
            monitoring:
              p_value: 0.01
            """);

        var (config, _) = ProjectConfigLoader.Load(path);

        Assert.Equal(7, config.Seed);
        Assert.False(config.Datasets["d"].Header);
        Assert.Equal(["a", "b"], config.Datasets["d"].Columns!);
        Assert.Equal("integer", config.Datasets["d"].Types["a"]);
        Assert.Equal("x", config.Datasets["d"].Recode["b"]["x."]);
        Assert.Equal(0.25, config.Evaluation.Threshold);
        Assert.Equal(0.01, config.Monitoring.PValue);
    }

    [Fact]
    public void SnakeCase_MatchesYamlDotNetsUnderscoredConvention_ForEverySetting()
    {
        var types = new[] { typeof(Recur.Core.Project.ProjectConfig) }.Concat(typeof(Recur.Core.Project.ProjectConfig).Assembly.GetTypes()
            .Where(t => t.Namespace == "Recur.Core.Project" && t.Name.EndsWith("Config")));
        foreach (var property in types.SelectMany(t => t.GetProperties()))
        {
            Assert.Equal(YamlDotNet.Serialization.NamingConventions.UnderscoredNamingConvention.Instance.Apply(property.Name), YamlBinder.SnakeCase(property.Name));
        }
    }

    [Fact]
    public void Load_ValidationMaxAnomalyShare_IsReadAndDefaultsToOnePercent()
    {
        using var dir = new TempDir();

        var (set, _) = ProjectConfigLoader.Load(dir.Write("a/recur.yaml", "name: m\nvalidation:\n  max_anomaly_share: 0.05\n"));
        var (unset, _) = ProjectConfigLoader.Load(dir.Write("b/recur.yaml", "name: m\n"));

        Assert.Equal(0.05, set.Validation.MaxAnomalyShare);
        Assert.Equal(0.01, unset.Validation.MaxAnomalyShare);
    }

    [Fact]
    public void Load_MaxAnomalyShareAboveOne_FailsNamingTheOption()
    {
        using var dir = new TempDir();
        var path = dir.Write("recur.yaml", "name: m\nvalidation:\n  max_anomaly_share: 5\n");

        var e = Assert.Throws<RecurException>(() => ProjectConfigLoader.Load(path));

        Assert.Contains("validation.max_anomaly_share must be in [0, 1]", e.Message);
    }

    [Theory]
    [InlineData("name: m\nlabel: y\ntask: regression\npromotion:\n  metric: auc\n", "promotion.metric")]
    [InlineData("name: m\nlabel: y\ntask: clustering\n", "task")]
    [InlineData("name: m\nlabel: y\npromotion:\n  significance: 0.7\n", "promotion.significance")]
    [InlineData("name: m\nlabel: y\nmax_classes: 1\n", "max_classes")]
    [InlineData("name: m\nlabel: y\npromotion:\n  metric: auroc\n", "promotion.metric")]
    [InlineData("name: m\nlabel: y\ntask: multiclass\npositive: a\n", "positive")]
    public void Load_TaskSettingsThatCannotWork_FailBeforeAnyTraining(string yaml, string field)
    {
        using var dir = new TempDir();

        var e = Assert.Throws<RecurException>(() => ProjectConfigLoader.Load(dir.Write("recur.yaml", yaml)));

        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void Load_BadSetting_NamesTheLineOfItsKey()
    {
        using var dir = new TempDir();

        var e = Assert.Throws<RecurException>(() => ProjectConfigLoader.Load(dir.Write("recur.yaml", "name: m\nlabel: y\nevaluation:\n  threshold: 3\n")));

        Assert.Equal("recur.yaml: line 4, column 14: evaluation.threshold must be in [0, 1]", e.Message);
    }
}
