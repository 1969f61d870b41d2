using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Features.Transforms;
using Recur.Pipeline.Transfer;

namespace Recur.Tests.Pipeline.Transfer;

public sealed class FrozenFeaturesTests
{
    [Fact]
    public void Fit_ReuseFeatures_GivesTheSourceChainsFeaturesOnNewRows()
    {
        var source = TransferData.Source("features");
        var target = TransferData.Rows(10, shift: 5);
        var config = TransferData.Config();

        var fitted = FrozenFeatures.Fit(source, config.Features, FeaturePlan.From(config, target), target, null);

        var expected = source.Model.Chain!.Apply(target);
        var actual = fitted.Chain!.Apply(target);
        Assert.Equal(expected.Columns.Select(c => c.Name), actual.Columns.Select(c => c.Name));
        foreach (var column in expected.Columns)
        {
            Assert.Equal(((NumericColumn)column).Values, ((NumericColumn)actual[column.Name]).Values);
        }
        Assert.Same(source.Model.Chain.Steps[0], fitted.Chain.Steps[0]);
    }

    [Fact]
    public void Fit_ReuseFeatures_NothingRefittedOnTheNewRows()
    {
        var source = TransferData.Source("features");
        var target = TransferData.Rows(10, shift: 100);
        var config = TransferData.Config();

        var fitted = FrozenFeatures.Fit(source, config.Features, FeaturePlan.From(config, target), target, null);

        // Standardized with the source's mean (about 4), the shifted numbers stay far from 0.
        Assert.True(((NumericColumn)fitted.Features!["stars"]).Values.Average() > 10);
        Assert.Contains(fitted.Notes, n => n.Contains("applied frozen", StringComparison.Ordinal));
    }

    [Fact]
    public void Fit_ReuseEmbeddings_KeepsTheTfidfAndRefitsTheOtherTransforms()
    {
        var source = TransferData.Source("embeddings");
        var target = TransferData.Rows(10, shift: 100);
        var config = TransferData.Config();

        var fitted = FrozenFeatures.Fit(source, config.Features, FeaturePlan.From(config, target), target, null);

        var tfidf = Assert.IsType<Tfidf.Fitted>(fitted.Chain!.Steps[0]);
        Assert.Same(source.Model.Chain!.Steps[0], tfidf);
        Assert.Equal(2, fitted.Chain.Steps.Count);
        // Standardized on these rows: mean 0.
        Assert.Equal(0, ((NumericColumn)fitted.Features!["stars"]).Values.Average(), 6);
        var frozen = source.Model.Chain.Apply(target);
        foreach (var term in tfidf.Terms.Select(tfidf.ColumnOf))
        {
            Assert.Equal(((NumericColumn)frozen[term]).Values, ((NumericColumn)fitted.Features[term]).Values);
        }
    }

    [Fact]
    public void RawInputs_TfidfAndStandardize_NamesBothColumns()
    {
        var source = TransferData.Source("features");

        Assert.Equal(["review", "stars"], FrozenFeatures.RawInputs(source.Model.Chain!));
    }
}
