using System.Text.Json;
using Recur.Monitoring.Drift;
using Xunit;

namespace Recur.Tests.Monitoring.Drift;

/// <summary>
/// Chi-square, Jensen–Shannon and PSI on categorical counts against scipy golden values.
/// </summary>
public class CategoricalDriftGoldenTests
{
    private static readonly JsonElement Categorical = Golden.Load("drift_categorical.json");

    public static TheoryData<int> CaseIndexes() => Golden.Indexes(Categorical.GetProperty("cases"));

    [Theory]
    [MemberData(nameof(CaseIndexes))]
    public void Homogeneity_GoldenCase_MatchesScipyChisquare(int index)
    {
        (JsonElement golden, var reference, var current) = Case(index);

        StatisticResult result = ChiSquare.Homogeneity(reference, current);

        Golden.AssertClose(golden.GetProperty("chi2_statistic").GetDouble(), result.Statistic, 1e-9, 1e-12, "statistic");
        Golden.AssertClose(golden.GetProperty("chi2_pvalue").GetDouble(), result.PValue, 1e-6, 1e-300, "p-value");
    }

    [Theory]
    [MemberData(nameof(CaseIndexes))]
    public void JensenShannonDistance_GoldenCase_MatchesScipy(int index)
    {
        (JsonElement golden, var reference, var current) = Case(index);

        double distance = JensenShannon.Distance(reference, current);

        Golden.AssertClose(golden.GetProperty("js_distance").GetDouble(), distance, 1e-9, 1e-12, "Jensen-Shannon");
    }

    [Theory]
    [MemberData(nameof(CaseIndexes))]
    public void PsiCompute_GoldenCase_MatchesNumpyReplica(int index)
    {
        (JsonElement golden, var reference, var current) = Case(index);

        double psi = PopulationStabilityIndex.Compute(reference, current);

        Golden.AssertClose(golden.GetProperty("psi").GetDouble(), psi, 1e-9, 1e-15, "PSI");
    }

    private static (JsonElement Golden, Dictionary<string, long> Reference, Dictionary<string, long> Current) Case(int index)
    {
        JsonElement golden = Categorical.GetProperty("cases")[index];
        return (golden, Golden.Counts(golden.GetProperty("reference")), Golden.Counts(golden.GetProperty("current")));
    }
}
