using Recur.Serving;
using Recur.Serving.Routing;

namespace Recur.Tests.Serving.Routing;

public sealed class TargetPickerTests
{
    private static Route Canary(bool sticky, double challenger = 10) => new("default", "m",
        [new RouteTarget(ModelSelector.From("m", null, "champion"), 100 - challenger), new RouteTarget(ModelSelector.From("m", null, "challenger"), challenger)],
        sticky, null, null);

    [Fact]
    public void Pick_StickyRoute_SendsAKeyToTheSameTargetEveryTimeAndFromEveryPicker()
    {
        var route = Canary(sticky: true);
        var keys = Enumerable.Range(0, 1000).Select(i => $"customer-{i}").ToList();

        var first = keys.Select(k => new TargetPicker(1).Pick(route, k)).ToList();
        var second = keys.Select(k => new TargetPicker(2).Pick(route, k)).ToList();

        Assert.Equal(first, second);
    }

    [Fact]
    public void Pick_TenPercentCanary_SendsAboutTenPercentOfTheKeys()
    {
        var picker = new TargetPicker(1);
        var route = Canary(sticky: true);

        var share = Enumerable.Range(0, 20_000).Count(i => picker.Pick(route, $"k{i}") == 1) / 20_000.0;

        Assert.InRange(share, 0.09, 0.11);
    }

    [Fact]
    public void Pick_NotSticky_IsSeededAndSplitsByWeight()
    {
        var route = Canary(sticky: false, challenger: 30);

        var first = new TargetPicker(7);
        var second = new TargetPicker(7);
        var picksA = Enumerable.Range(0, 10_000).Select(_ => first.Pick(route, "same-key")).ToList();
        var picksB = Enumerable.Range(0, 10_000).Select(_ => second.Pick(route, "same-key")).ToList();

        Assert.Equal(picksA, picksB);
        Assert.InRange(picksA.Count(p => p == 1) / 10_000.0, 0.28, 0.32);
    }

    [Fact]
    public void Bucket_IsTheFingerprint64OfTheKeyModuloTenThousand() =>
        Assert.Equal((int)((ulong)Recur.Core.Hashing.Fingerprint64.Hash("customer-42") % 10_000), TargetPicker.Bucket("customer-42"));
}
