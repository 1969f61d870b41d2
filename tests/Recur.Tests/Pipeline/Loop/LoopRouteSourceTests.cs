using Recur.Core;
using Recur.Core.Project;
using Recur.Pipeline;
using Recur.Pipeline.Loop;
using Recur.Serving.Routing;

namespace Recur.Tests.Pipeline.Loop;

public sealed class LoopRouteSourceTests
{
    private static CanaryState Canary(double weight = 20) => new("m", 1, 2, weight, DateTimeOffset.UnixEpoch, null, 100, 0, 1);

    [Fact]
    public void Merge_NoRoutesDeclared_AddsAStickyDefaultRoute()
    {
        var route = Assert.Single(LoopRouteSource.Merge([], Canary(), "m"));

        Assert.Equal((RouteConfig.DefaultName, "m", true), (route.Name, route.Model, route.Sticky));
        Assert.Equal([(1, 80.0), (2, 20.0)], route.Targets.Select(t => (t.Version!.Value, t.Weight!.Value)));
    }

    [Fact]
    public void Merge_DeclaredDefaultRoute_IsReplacedKeepingOthersAndAForeignShadow()
    {
        var declared = new List<RouteConfig>
        {
            new() { Targets = [new() { Alias = "champion" }], Shadow = new() { Version = 7 } },
            new() { Name = "beta", Targets = [new() { Version = 3 }] },
        };

        var merged = LoopRouteSource.Merge(declared, Canary(), "m");

        Assert.Equal(["beta", "default"], merged.Select(r => r.Name));
        Assert.Equal(7, merged[1].Shadow!.Version);
        Assert.Equal(2, merged[1].Targets.Count);
    }

    [Fact]
    public void Merge_NoCanary_LeavesTheRoutesAlone()
    {
        var declared = new List<RouteConfig> { new() { Targets = [new() { Version = 1 }] } };

        Assert.Same(declared, LoopRouteSource.Merge(declared, null, "m"));
    }

    [Fact]
    public void Stamp_CanaryWrittenAndDeleted_Changes()
    {
        using var dir = new TempDir();
        var file = new CanaryFile(new ProjectLayout(dir.Root));
        var source = new LoopRouteSource(new FixedRoutes(), file);
        var before = source.Stamp();

        file.Write(Canary());
        var during = source.Stamp();
        var routes = source.Read();
        file.Delete();

        Assert.NotEqual(before, during);
        Assert.Equal(before, source.Stamp());
        Assert.Equal(2, Assert.Single(routes).Targets.Count);
        Assert.Null(file.Read());
    }

    [Fact]
    public void Read_WrittenCanary_RoundTrips()
    {
        using var dir = new TempDir();
        var file = new CanaryFile(new ProjectLayout(dir.Root));
        var state = Canary(12.5) with { Deadline = DateTimeOffset.UnixEpoch.AddHours(1) };

        file.Write(state);

        Assert.Equal(state, file.Read());
    }

    private sealed class FixedRoutes : IRouteConfigSource
    {
        public string DefaultModel => "m";

        public string Stamp() => "fixed";

        public IReadOnlyList<RouteConfig> Read() => [];

        public RecurException Locate(RecurException error) => error;
    }
}
