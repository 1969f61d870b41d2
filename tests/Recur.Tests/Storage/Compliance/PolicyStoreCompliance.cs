using Recur.Core;
using Recur.Core.Registry;

namespace Recur.Tests.Storage.Compliance;

/// <summary>What every <see cref="IPolicyStore"/> must do; a backend's test class supplies stores on a real backend.</summary>
public abstract class PolicyStoreCompliance
{
    /// <summary>A new, empty registry and the policy store beside it (sharing one backend).</summary>
    protected abstract (IRegistryStore Registry, IPolicyStore Policies) NewStores();

    private static NewModelVersion Version() => new("m", new string('a', 64),
        new ModelLineage(["s1"], "cfg", "0.1.0", 42, "lightgbm", new Dictionary<string, string>()), new Dictionary<string, double> { ["auc"] = 0.9 }, "passed");

    [Fact]
    public async Task SetAsync_EachChange_IsANewRevisionAndTheLastIsCurrent()
    {
        var (registry, policies) = NewStores();
        await registry.RegisterAsync(Version(), "champion");
        var values = new OutcomeValues(0, -1, 0, -5);

        await policies.SetAsync("m", 1, new DecisionPolicy(0.14, "expected_value", values), "recur train", "chosen at training", new Dictionary<string, double> { ["value_per_decision"] = -0.61 });
        await policies.SetAsync("m", 1, new DecisionPolicy(0.3, "fixed", values), "ana", "fewer refusals", new Dictionary<string, double> { ["value_per_decision"] = -0.66, ["unmeasured"] = double.NaN });

        var current = await policies.CurrentAsync("m", 1);
        var history = await policies.HistoryAsync("m", 1);
        Assert.Equal(2, current!.Revision);
        Assert.Equal(new DecisionPolicy(0.3, "fixed", values), current.Policy);
        Assert.Equal(("ana", "fewer refusals"), (current.ChangedBy, current.Reason));
        Assert.False(current.Evidence.ContainsKey("unmeasured"));
        Assert.Equal([1, 2], history.Select(h => h.Revision));
        Assert.Equal(0.14, history[0].Policy.Threshold);
    }

    [Fact]
    public async Task CurrentAsync_NoPolicy_IsNull()
    {
        var (registry, policies) = NewStores();
        await registry.RegisterAsync(Version(), null);
        Assert.Null(await policies.CurrentAsync("m", 1));
        Assert.Empty(await policies.HistoryAsync("m"));
    }

    [Fact]
    public async Task SetAsync_UnknownVersion_IsNotFound()
    {
        var (_, policies) = NewStores();
        var error = await Assert.ThrowsAsync<RecurException>(() => policies.SetAsync("m", 7, new DecisionPolicy(0.5, "fixed", null), "x", "y", new Dictionary<string, double>()));
        Assert.Equal(FailureKind.NotFound, error.Kind);
    }
}
