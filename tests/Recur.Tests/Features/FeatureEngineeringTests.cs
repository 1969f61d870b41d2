using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Features;
using Recur.Features.Transforms;
using static Recur.Tests.Features.FeatureTables;

namespace Recur.Tests.Features;

/// <summary>Fitting recur.yaml's features: defaults by role, the notes about them, and errors naming their key.</summary>
public sealed class FeatureEngineeringTests
{
    private const int Rows = 40;

    private static readonly int[] Range = [.. Enumerable.Range(0, Rows)];

    private static DataTable Table(params DataColumn[] columns) =>
        new([.. columns, Integer("y", [.. Enumerable.Range(0, columns[0].Length).Select(i => (double)(i % 2))])]);

    private static DataTable Mixed() => Table(
        Real("x", [.. Range.Select(i => (double)i)]),
        Text("color", [.. Range.Select(i => i % 2 == 0 ? "red" : "blue")]));

    private static (FittedFeatures Fitted, FeaturePlan Plan) Fit(FeaturesConfig config, DataTable train)
    {
        var plan = FeaturePlan.From(new ProjectConfig { Name = "m", Label = "y", Features = config }, train);
        return (FeatureEngineering.Fit(config, plan, train), plan);
    }

    private static RecurException Fails(TransformConfig transform) =>
        Assert.Throws<RecurException>(() => Fit(new FeaturesConfig { Transforms = [transform] }, Mixed()));

    [Fact]
    public void Fit_FreeTextColumn_DefaultsToTfidfWithNote()
    {
        var train = Table(Text("review", [.. Range.Select(i => $"great phone battery {i} lasts long")]));

        var (fitted, _) = Fit(new FeaturesConfig(), train);

        Assert.IsType<Tfidf.Fitted>(Assert.Single(fitted.Chain!.Steps));
        Assert.Contains(fitted.Chain.Outputs, o => o.Name == "review:tfidf:battery");
        var note = Assert.Single(fitted.Notes);
        Assert.Contains("'review'", note);
        Assert.Contains("TF-IDF", note);
    }

    [Fact]
    public void Fit_CategoricalWithMoreThanMaxCategories_DefaultsToHashWithNote()
    {
        var train = Table(Text("code", [.. Enumerable.Range(0, 3000).Select(i => $"c{i % 1500}")]));

        var (fitted, _) = Fit(new FeaturesConfig(), train);

        var step = Assert.IsType<HashTransform.Fitted>(Assert.Single(fitted.Chain!.Steps));
        Assert.Equal(1024, step.Buckets);
        var note = Assert.Single(fitted.Notes);
        Assert.Contains("1,500 distinct values", note);
        Assert.Contains("max_categories (1,000)", note);
    }

    [Fact]
    public void Fit_FewCategories_LeavesTextColumnAsItIs()
    {
        var (fitted, _) = Fit(new FeaturesConfig(), Mixed());

        Assert.Null(fitted.Chain);
        Assert.Empty(fitted.Notes);
    }

    [Fact]
    public void Fit_NumericDeclaredCategorical_DefaultsToOneHot()
    {
        var train = Table(Integer("code", [.. Range.Select(i => (double)(i % 4))]));

        var (fitted, _) = Fit(new FeaturesConfig { Roles = { ["code"] = "categorical" } }, train);

        Assert.IsType<OneHot.Fitted>(Assert.Single(fitted.Chain!.Steps));
        Assert.Equal(ColumnType.Text, Assert.Single(fitted.Chain.Outputs).Type);
    }

    [Fact]
    public void Fit_KeyAndIgnoreRoles_AreNotInputs()
    {
        var train = Table(
            Real("x", [.. Range.Select(i => (double)i)]),
            Integer("id", [.. Range.Select(i => i * 7.0)]),
            Text("junk", [.. Range.Select(i => $"very long free text number {i} here")]));
        var config = new FeaturesConfig
        {
            Roles = { ["id"] = "key", ["junk"] = "ignore" },
            Transforms = [new TransformConfig { Transform = "standardize", Columns = ["x"] }],
        };

        var (fitted, plan) = Fit(config, train);

        Assert.Equal(["x"], plan.Features.Select(f => f.Name));
        Assert.Equal(["x"], fitted.Chain!.Outputs.Select(o => o.Name));
        Assert.Empty(fitted.Notes);
    }

    [Fact]
    public void Fit_UnknownTransform_ThrowsNamingTransformKey()
    {
        var e = Fails(new TransformConfig { Transform = "scale", Columns = ["x"] });

        Assert.Equal("features.transforms[0].transform", e.Field);
        Assert.Contains("known: standardize", e.Message);
    }

    [Fact]
    public void Fit_MissingColumn_ThrowsNamingColumnsKey()
    {
        var e = Fails(new TransformConfig { Transform = "standardize", Columns = ["nope"] });

        Assert.Equal("features.transforms[0].columns", e.Field);
        Assert.Contains("'nope'", e.Message);
    }

    [Fact]
    public void Fit_NumericTransformOnText_ThrowsNamingColumnsKey()
    {
        var e = Fails(new TransformConfig { Transform = "log", Columns = ["color"] });

        Assert.Equal("features.transforms[0].columns", e.Field);
        Assert.Contains("needs numbers", e.Message);
    }

    [Fact]
    public void Fit_TextTransformOnNumbers_ThrowsNamingColumnsKey()
    {
        var e = Fails(new TransformConfig { Transform = "tfidf", Columns = ["x"] });

        Assert.Equal("features.transforms[0].columns", e.Field);
    }

    [Fact]
    public void Fit_CrossOfOneColumn_ThrowsNamingColumnsKey()
    {
        var e = Fails(new TransformConfig { Transform = "cross", Columns = ["color"] });

        Assert.Equal("features.transforms[0].columns", e.Field);
        Assert.Contains("two or more", e.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1")]
    [InlineData("1000000000")]
    [InlineData("2.5")]
    [InlineData("many")]
    public void Fit_BadBuckets_ThrowsNamingParamKey(string buckets)
    {
        var e = Fails(new TransformConfig { Transform = "hash", Columns = ["color"], Params = { ["buckets"] = buckets } });

        Assert.Equal("features.transforms[0].params.buckets", e.Field);
    }

    [Fact]
    public void Fit_UnknownParam_ThrowsNamingItAndKnownParams()
    {
        var e = Fails(new TransformConfig { Transform = "cross", Columns = ["x", "color"], Params = { ["size"] = "8" } });

        Assert.Equal("features.transforms[0].params.size", e.Field);
        Assert.Contains("known: buckets", e.Message);
    }

    [Fact]
    public void Fit_CrossOutputClashesWithColumn_Throws()
    {
        var e = Fails(new TransformConfig { Transform = "cross", Columns = ["x", "color"], Output = "x" });

        Assert.Equal("features.transforms[0]", e.Field);
    }

    [Fact]
    public void RoleOf_NumericRoleOnText_ThrowsNamingRoleKey()
    {
        var e = Assert.Throws<RecurException>(() => FeatureEngineering.RoleOf(new FeaturesConfig { Roles = { ["color"] = "numeric" } }, Mixed()["color"]));

        Assert.Equal("features.roles.color", e.Field);
    }

    [Fact]
    public void Fit_DeclaredStepsInOrder_LaterStepReadsEarlierOutput()
    {
        var train = Table(Real("x", [.. Range.Select(i => i % 5 == 0 ? double.NaN : i)]));
        var config = new FeaturesConfig
        {
            Transforms =
            [
                new TransformConfig { Transform = "impute", Columns = ["x"], Params = { ["strategy"] = "zero" } },
                new TransformConfig { Transform = "minmax", Columns = ["x"] },
            ],
        };

        var (fitted, _) = Fit(config, train);

        Assert.Equal(0, ((MinMax.Fitted)fitted.Chain!.Steps[1]).Min);
        Assert.Equal(["x", "x:missing"], fitted.Chain.Outputs.Select(o => o.Name));
    }
}
