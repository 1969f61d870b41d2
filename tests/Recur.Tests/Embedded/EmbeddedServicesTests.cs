using Microsoft.Extensions.DependencyInjection;
using Recur.Core;
using Recur.Embedded;

namespace Recur.Tests.Embedded;

public sealed class EmbeddedServicesTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Project()
    {
        _dir.Write("p/data.csv", "id,x,y\n1,0.5,yes\n2,1.5,no\n3,2.5,yes\n");
        _dir.Write("p/recur.yaml", "name: m\nlabel: y\ndatasets:\n  train:\n    source: data.csv\n");
        return _dir.Path("p");
    }

    [Fact]
    public void AddRecurPredictor_AnotherModelsName_RefusedNamingTheOption()
    {
        var e = Assert.Throws<RecurException>(() => new ServiceCollection().AddRecurPredictor(Project(), o => o.Model = "other"));

        Assert.Equal("Model", e.Field);
        Assert.Contains("'other' is not this project's model (it registers 'm')", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddRecurPredictor_VersionAndAlias_Refused()
    {
        var e = Assert.Throws<RecurException>(() => new ServiceCollection().AddRecurPredictor(Project(), o => { o.Version = 2; o.Alias = "challenger"; }));

        Assert.Equal("version", e.Field);
    }

    [Fact]
    public async Task PredictAsync_NothingRegistered_NotFoundNamingTheAlias()
    {
        await using var services = new ServiceCollection().AddRecurPredictor(Project()).BuildServiceProvider();
        var predictor = services.GetRequiredService<IRecurPredictor>();

        var e = await Assert.ThrowsAsync<RecurException>(() => predictor.PredictAsync("k", new Dictionary<string, object?> { ["x"] = 1.0 }));

        Assert.Equal(FailureKind.NotFound, e.Kind);
        Assert.Contains("no alias 'champion'", e.Message, StringComparison.Ordinal);
    }
}
