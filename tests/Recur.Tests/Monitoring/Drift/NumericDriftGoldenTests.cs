using System.Text.Json;
using Recur.Monitoring.Drift;
using Xunit;

namespace Recur.Tests.Monitoring.Drift;

/// <summary>
/// Wasserstein, Jensen–Shannon and PSI on the same scipy golden sample pairs as the KS test.
/// </summary>
public class NumericDriftGoldenTests
{
    private static readonly JsonElement Numeric = Golden.Load("drift_numeric.json");

    public static TheoryData<int> PairIndexes() => Golden.Indexes(Numeric.GetProperty("pairs"));

    [Theory]
    [MemberData(nameof(PairIndexes))]
    public void NormedDistance_GoldenPair_MatchesScipyOverReferenceStd(int index)
    {
        (JsonElement pair, double[] reference, double[] current) = Pair(index);

        double distance = Wasserstein.NormedDistance(reference, current);

        Golden.AssertClose(pair.GetProperty("wasserstein_normed").GetDouble(), distance, 1e-9, 1e-15, "normed Wasserstein");
    }

    [Theory]
    [MemberData(nameof(PairIndexes))]
    public void JensenShannonDistance_GoldenPair_MatchesScipyOnReferenceDeciles(int index)
    {
        (JsonElement pair, double[] reference, double[] current) = Pair(index);

        double distance = JensenShannon.Distance(reference, current);

        Golden.AssertClose(pair.GetProperty("js_distance").GetDouble(), distance, 1e-9, 1e-12, "Jensen-Shannon");
    }

    [Theory]
    [MemberData(nameof(PairIndexes))]
    public void PsiCompute_GoldenPair_MatchesNumpyReplica(int index)
    {
        (JsonElement pair, double[] reference, double[] current) = Pair(index);

        double psi = PopulationStabilityIndex.Compute(reference, current);

        Golden.AssertClose(pair.GetProperty("psi").GetDouble(), psi, 1e-9, 1e-15, "PSI");
    }

    private static (JsonElement Pair, double[] Reference, double[] Current) Pair(int index)
    {
        JsonElement pair = Numeric.GetProperty("pairs")[index];
        JsonElement samples = Numeric.GetProperty("samples");
        return (
            pair,
            Golden.Numbers(samples.GetProperty(pair.GetProperty("reference").GetString()!)),
            Golden.Numbers(samples.GetProperty(pair.GetProperty("current").GetString()!)));
    }
}
