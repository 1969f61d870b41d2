using Recur.Core;
using Recur.Tuning;

namespace Recur.Tests.Tuning;

public sealed class CatalogTests
{
    [Theory]
    [InlineData("random")]
    [InlineData("tpe")]
    public void SamplerCatalog_KnownName_GivesThatSampler(string name)
    {
        Assert.Equal(name, SamplerCatalog.Get(name, "training.search.sampler").Name);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("median")]
    [InlineData("asha")]
    public void PrunerCatalog_KnownName_GivesThatPruner(string name)
    {
        Assert.Equal(name, PrunerCatalog.Get(name, "training.search.pruner").Name);
    }

    [Fact]
    public void SamplerCatalog_UnknownName_NamesKeyAndKnownNames()
    {
        var e = Assert.Throws<RecurException>(() => SamplerCatalog.Get("grid", "training.search.sampler"));

        Assert.Equal("training.search.sampler", e.Field);
        Assert.Contains("random, tpe", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PrunerCatalog_UnknownName_NamesKeyAndKnownNames()
    {
        var e = Assert.Throws<RecurException>(() => PrunerCatalog.Get("hyperband", "training.search.pruner"));

        Assert.Equal("training.search.pruner", e.Field);
        Assert.Contains("none, median, asha", e.Message, StringComparison.Ordinal);
    }
}
