using Recur.Evaluation.Curves;

namespace Recur.Tests.Evaluation.Curves;

public sealed class LearningCurveDiagnosisTests
{
    // A point with symmetric intervals of the given half-widths.
    private static LearningCurvePoint P(int rows, double train, double validation, double trainHalf = 0.01, double validationHalf = 0.02) =>
        new(rows / 1000.0, rows, train, train - trainHalf, train + trainHalf, validation, validation - validationHalf, validation + validationHalf, 0.1);

    private static string Verdict(IReadOnlyList<CurveFinding> findings, int i) => findings[i].Verdict;

    [Fact]
    public void Diagnose_TrainingFarAboveValidationAndGapSteady_IsOverFitting()
    {
        var findings = LearningCurveDiagnosis.Diagnose([P(250, 0.99, 0.70), P(500, 0.99, 0.74), P(1000, 0.98, 0.74)], "auc", lowerIsBetter: false, baseline: 0.6);

        Assert.Equal(CurveVerdict.OverFitting, Verdict(findings, 0));
        Assert.Contains("0.98", findings[0].Sentence);
        Assert.Contains("0.74", findings[0].Sentence);
        Assert.Contains("0.24", findings[0].Sentence);
    }

    [Fact]
    public void Diagnose_GapShrinkingBeyondNoise_IsGapClosingNotOverFitting()
    {
        var findings = LearningCurveDiagnosis.Diagnose([P(250, 0.99, 0.60), P(500, 0.97, 0.70), P(1000, 0.95, 0.80)], "auc", lowerIsBetter: false, baseline: 0.6);

        Assert.Equal(CurveVerdict.GapClosing, Verdict(findings, 0));
        Assert.Equal(CurveVerdict.MoreDataHelps, Verdict(findings, 1));
        Assert.Contains("0.7 [0.68, 0.72] at 500 rows to 0.8 at 1000 rows", findings[1].Sentence);
    }

    [Fact]
    public void Diagnose_CloseAndBarelyAboveBaseline_IsUnderFitting()
    {
        var findings = LearningCurveDiagnosis.Diagnose([P(500, 0.63, 0.62), P(1000, 0.63, 0.62)], "auc", lowerIsBetter: false, baseline: 0.61, baselineName: "the class prior baseline");

        Assert.Equal(CurveVerdict.UnderFitting, Verdict(findings, 0));
        Assert.Contains("the class prior baseline (0.61)", findings[0].Sentence);
        Assert.Contains("by only 0.01", findings[0].Sentence);
    }

    [Fact]
    public void Diagnose_TrainingItselfNoBetterThanBaseline_IsUnderFitting()
    {
        var findings = LearningCurveDiagnosis.Diagnose([P(500, 0.70, 0.69, trainHalf: 0.05), P(1000, 0.70, 0.69, trainHalf: 0.05)], "auc", lowerIsBetter: false, baseline: 0.66);

        Assert.Equal(CurveVerdict.UnderFitting, Verdict(findings, 0));
        Assert.Contains("even on the rows it trained on", findings[0].Sentence);
    }

    [Fact]
    public void Diagnose_CloseAndWellAboveBaseline_IsGoodFitAndPlateau()
    {
        var findings = LearningCurveDiagnosis.Diagnose([P(500, 0.86, 0.85), P(1000, 0.86, 0.855)], "auc", lowerIsBetter: false, baseline: 0.7);

        Assert.Equal(CurveVerdict.GoodFit, Verdict(findings, 0));
        Assert.Equal(CurveVerdict.MoreDataWouldNotHelp, Verdict(findings, 1));
        Assert.Contains("0.85 [0.83, 0.87] at 500 rows to 0.855 at 1000 rows", findings[1].Sentence);
    }

    [Fact]
    public void Diagnose_ErrorMetricStillFalling_MoreDataHelps()
    {
        // RMSE: lower is better; validation falls from 12 to 10, beyond the previous interval [11.5, 12.5].
        var findings = LearningCurveDiagnosis.Diagnose([P(500, 9.5, 12, trainHalf: 0.5, validationHalf: 0.5), P(1000, 9.6, 10, trainHalf: 0.5, validationHalf: 0.5)], "rmse", lowerIsBetter: true, baseline: 20);

        Assert.Equal(CurveVerdict.MoreDataHelps, Verdict(findings, 1));
        Assert.Equal(CurveVerdict.GoodFit, Verdict(findings, 0));
    }

    [Fact]
    public void Diagnose_ErrorMetricTrainingMuchLower_IsOverFitting()
    {
        var findings = LearningCurveDiagnosis.Diagnose([P(500, 2, 10, trainHalf: 0.3, validationHalf: 0.5), P(1000, 2.5, 10, trainHalf: 0.3, validationHalf: 0.5)], "rmse", lowerIsBetter: true, baseline: 20);

        Assert.Equal(CurveVerdict.OverFitting, Verdict(findings, 0));
    }

    [Fact]
    public void Diagnose_WideIntervals_CannotTell()
    {
        // Validation interval 0.2 wide on an AUC of 0.75: wider than a tenth of the scale, and it overlaps training.
        var findings = LearningCurveDiagnosis.Diagnose([P(50, 0.80, 0.70, 0.05, 0.1), P(100, 0.80, 0.75, 0.05, 0.1)], "auc", lowerIsBetter: false, baseline: 0.6);

        Assert.Equal(CurveVerdict.CannotTell, Verdict(findings, 0));
        Assert.Equal(CurveVerdict.CannotTell, Verdict(findings, 1));
        Assert.Contains("0.2 wide", findings[1].Sentence);
    }

    [Fact]
    public void Diagnose_OneFraction_CannotTellAboutMoreData()
    {
        var findings = LearningCurveDiagnosis.Diagnose([P(1000, 0.86, 0.85)], "auc", lowerIsBetter: false, baseline: 0.7);

        Assert.Equal(CurveVerdict.CannotTell, Verdict(findings, 1));
        Assert.Contains("only one fraction", findings[1].Sentence);
    }
}
