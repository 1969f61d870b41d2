using Recur.Pipeline.Jobs;
using Recur.Pipeline.Steps;
using Recur.Training.Shift;

namespace Recur.Tests.Pipeline.Jobs;

/// <summary>A worker's retrain result carries what the loop audits, including an importance-weighted retrain's shift record.</summary>
public sealed class RetrainResultTests
{
    [Fact]
    public void ToJsonThenParse_WithAShiftComparison_KeepsTheShiftAuditRecord()
    {
        var weights = new ShiftWeights([0.5, 1.5, 1.0], 2, 1, 0.71, 0.66, 0.76, 2.4, 1, 0.1, 10);
        var shift = new ShiftComparison(weights, "auc", "lightgbm", 400, 100, (0.80, 0.75, 0.85), (0.83, 0.78, 0.88), (0.03, 0.01, 0.05));
        var result = new RetrainResult(3, true, true, "passed", new Dictionary<string, double> { ["train_rows"] = 400 }, null, ShiftAudit.From(shift));

        var back = RetrainResult.Parse(7, result.ToJson());

        Assert.NotNull(back.Shift);
        Assert.Equal(result.Shift!.What, back.Shift.What);
        Assert.Contains("auc 0.83 [0.78, 0.88] against plain 0.8 [0.75, 0.85] on 100 held-out", back.Shift.What, StringComparison.Ordinal);
        Assert.Contains("domain classifier AUC 0.71 [0.66, 0.76]", back.Shift.Why, StringComparison.Ordinal);
        Assert.Equal(shift.Numbers().OrderBy(kv => kv.Key), back.Shift.Numbers.OrderBy(kv => kv.Key));
        Assert.Null(RetrainResult.Parse(8, (result with { Shift = null }).ToJson()).Shift);
    }
}
