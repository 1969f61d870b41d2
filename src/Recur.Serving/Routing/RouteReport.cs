namespace Recur.Serving.Routing;

/// <summary>What a gateway route did, from the prediction log (and feedback): who answered, how a shadow compares, what two phases cost.</summary>
/// <param name="Model">The model.</param>
/// <param name="Route">The route's name.</param>
/// <param name="Since">The start of the window, or null for the whole log.</param>
/// <param name="Answered">Answers returned to clients through the route.</param>
/// <param name="Versions">Per version and role: its share of the answers and its latency.</param>
/// <param name="Shadow">The shadow's comparison with the answers it copied, or null when the route logged no shadow copies.</param>
/// <param name="TwoPhase">The two phases' shares and accuracy, or null when the route has no fast phase in the log.</param>
public sealed record RouteReport(string Model, string Route, DateTimeOffset? Since, long Answered, IReadOnlyList<VersionShare> Versions, ShadowComparison? Shadow, TwoPhaseReport? TwoPhase);

/// <summary>A share in [0, 1] with its 95 % Wilson interval.</summary>
public sealed record Share(long Count, long Total, double Value, double Low, double High)
{
    /// <summary>The share of <paramref name="count"/> in <paramref name="of"/>.</summary>
    public static Share Of(long count, long of)
    {
        var (low, high) = Core.Statistics.WilsonInterval.Of((int)count, (int)of);
        return new Share(count, of, of == 0 ? 0 : (double)count / of, low, high);
    }
}

/// <summary>One version's part of a route's answers.</summary>
/// <param name="Version">The version.</param>
/// <param name="Role">Null for plain routing, <c>phase1</c>/<c>phase2</c> for a two-phase route, <c>shadow</c> for copies.</param>
/// <param name="Count">Records.</param>
/// <param name="Share">Its share of the answers (of the shadow copies, for the shadow).</param>
/// <param name="LatencyP50Ms">Median scoring time of the requests it served, in milliseconds.</param>
/// <param name="LatencyP99Ms">99th percentile of the same.</param>
public sealed record VersionShare(int Version, string? Role, long Count, Share Share, double? LatencyP50Ms, double? LatencyP99Ms);

/// <summary>How the shadow's answers compare with the answers it copied (paired by key and time).</summary>
/// <param name="Versions">The shadow's versions in the window.</param>
/// <param name="Compared">Pairs found.</param>
/// <param name="Agreement">Share of pairs with the same label (classification), or null for regression.</param>
/// <param name="MeanDelta">Mean of shadow score (or value) minus primary.</param>
/// <param name="MeanAbsDelta">Mean absolute difference.</param>
/// <param name="P95AbsDelta">95th percentile of the absolute difference.</param>
public sealed record ShadowComparison(IReadOnlyList<int> Versions, long Compared, Share? Agreement, double MeanDelta, double MeanAbsDelta, double P95AbsDelta);

/// <summary>The two phases of a route: how much the fast model answers and what that costs in accuracy, from feedback.</summary>
/// <param name="FastShare">Share of the two-phase answers given by the fast model.</param>
/// <param name="FastAccuracy">Accuracy of the fast answers that have feedback, or null without feedback.</param>
/// <param name="FullAccuracy">Accuracy of the full model's answers that have feedback, or null.</param>
/// <param name="FullOnFastRows">
/// Accuracy the full model (the route's first target, as it is now) would have had on the fast-answered rows with
/// feedback, re-scored from their logged inputs; or null.
/// </param>
/// <param name="AccuracyCost">FullOnFastRows minus FastAccuracy on the same rows: what letting the fast model answer costs (negative: it gains).</param>
/// <param name="AccuracyCostLow">Lower end of its 95 % interval (paired, normal approximation).</param>
/// <param name="AccuracyCostHigh">Upper end.</param>
public sealed record TwoPhaseReport(Share FastShare, Share? FastAccuracy, Share? FullAccuracy, Share? FullOnFastRows, double? AccuracyCost, double? AccuracyCostLow, double? AccuracyCostHigh);
