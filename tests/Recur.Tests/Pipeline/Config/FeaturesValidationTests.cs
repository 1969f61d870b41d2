using Recur.Core;
using Recur.Pipeline.Config;

namespace Recur.Tests.Pipeline.Config;

/// <summary>recur.yaml's features section, checked when the file loads (through <see cref="ProjectConfigLoader"/>).</summary>
public sealed class FeaturesValidationTests
{
    private const string Features = """
        name: m
        label: y
        features:
          roles:
            title: text
          transforms:
            - transform: standardize
              columns: [x]
            - transform: cross
              columns: [a, b]
              params: {buckets: 64}

        """;

    private static RecurException Fails(string yaml)
    {
        using var dir = new TempDir();
        return Assert.Throws<RecurException>(() => ProjectConfigLoader.Load(dir.Write("recur.yaml", yaml)));
    }

    [Fact]
    public void Load_ValidFeatures_ReadsRolesTransformsAndParams()
    {
        using var dir = new TempDir();

        var (config, _) = ProjectConfigLoader.Load(dir.Write("recur.yaml", Features));

        Assert.Equal("text", config.Features.Roles["title"]);
        Assert.Equal(["standardize", "cross"], config.Features.Transforms.Select(t => t.Transform));
        Assert.Equal(["a", "b"], config.Features.Transforms[1].Columns);
        Assert.Equal("64", config.Features.Transforms[1].Params["buckets"]);
    }

    [Fact]
    public void Load_UnknownRole_FailsNamingTheKeyAndLine()
    {
        var e = Fails(Features.Replace("title: text", "title: words"));

        Assert.Equal("features.roles.title", e.Field);
        Assert.StartsWith("recur.yaml: line 5", e.Message);
        Assert.Contains("numeric, categorical, text, datetime, key, ignore", e.Message);
    }

    [Fact]
    public void Load_UnknownTransform_FailsNamingTheKeyLineAndKnownTransforms()
    {
        var e = Fails(Features.Replace("transform: standardize", "transform: scale"));

        Assert.Equal("features.transforms[0].transform", e.Field);
        Assert.StartsWith("recur.yaml: line 7", e.Message);
        Assert.Contains("standardize, minmax, log", e.Message);
    }

    [Fact]
    public void Load_CrossOfOneColumn_FailsAtItsColumnsLine()
    {
        var e = Fails(Features.Replace("columns: [a, b]", "columns: [a]"));

        Assert.Equal("features.transforms[1].columns", e.Field);
        Assert.StartsWith("recur.yaml: line 10", e.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("99999999999")]
    public void Load_BucketsOutOfRange_FailsAtTheParamsLine(string buckets)
    {
        var e = Fails(Features.Replace("buckets: 64", $"buckets: {buckets}"));

        Assert.Equal("features.transforms[1].params.buckets", e.Field);
        Assert.StartsWith("recur.yaml: line 11", e.Message);
        Assert.Contains("an integer in [2, 16777216]", e.Message);
    }

    [Fact]
    public void Load_UnknownParam_FailsNamingKnownParams()
    {
        var e = Fails(Features.Replace("buckets: 64", "size: 64"));

        Assert.Equal("features.transforms[1].params.size", e.Field);
        Assert.StartsWith("recur.yaml: line 11", e.Message);
        Assert.Contains("known: buckets", e.Message);
    }

    [Fact]
    public void Load_ParamOfTransformWithNone_SaysItHasNone()
    {
        var e = Fails(Features.Replace("columns: [x]", "columns: [x]\n      params: {buckets: 3}"));

        Assert.Equal("features.transforms[0].params.buckets", e.Field);
        Assert.Contains("known: none", e.Message);
    }

    [Fact]
    public void Load_ColumnNamedTwice_Fails()
    {
        var e = Fails(Features.Replace("columns: [a, b]", "columns: [a, a]"));

        Assert.Equal("features.transforms[1].columns", e.Field);
        Assert.Contains("'a' is named twice", e.Message);
    }

    [Fact]
    public void Load_OutputOnNonCombiningTransform_Fails()
    {
        var e = Fails(Features.Replace("columns: [x]", "columns: [x]\n      output: z"));

        Assert.Equal("features.transforms[0].output", e.Field);
        Assert.StartsWith("recur.yaml: line 9", e.Message);
    }

    [Fact]
    public void Load_HashBucketsTooFew_Fails()
    {
        var e = Fails(Features.Replace("  roles:", "  hash_buckets: 1\n  roles:"));

        Assert.Equal("features.hash_buckets", e.Field);
        Assert.StartsWith("recur.yaml: line 4", e.Message);
    }

    [Fact]
    public void Load_ColumnInTwoGroups_Fails()
    {
        var e = Fails(Features + "  groups:\n    one: [a, x]\n    two: [b, x]\n");

        Assert.StartsWith("features.groups.", e.Field);
        Assert.Contains("'x'", e.Message);
    }
}
