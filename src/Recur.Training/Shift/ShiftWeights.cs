namespace Recur.Training.Shift;

/// <summary>The importance weights of reference and current rows, and how far the domains can be told apart.</summary>
/// <param name="Weights">One weight per row: the reference rows, then the current rows; mean 1.</param>
/// <param name="ReferenceRows">How many reference rows lead <paramref name="Weights"/>.</param>
/// <param name="CurrentRows">How many current rows follow them.</param>
/// <param name="Auc">The domain classifier's out-of-fold AUC; about 0.5 means no shift worth correcting.</param>
/// <param name="AucLow">The lower end of the AUC's 95% interval (Hanley–McNeil).</param>
/// <param name="AucHigh">The upper end of the AUC's 95% interval.</param>
/// <param name="EffectiveSampleSize">Kish's effective sample size (Σw)²/Σw² of all rows.</param>
/// <param name="Clipped">How many reference rows had their ratio clipped.</param>
/// <param name="MinWeight">The lower clip.</param>
/// <param name="MaxWeight">The upper clip.</param>
public sealed record ShiftWeights(
    IReadOnlyList<double> Weights, int ReferenceRows, int CurrentRows, double Auc, double AucLow, double AucHigh,
    double EffectiveSampleSize, int Clipped, double MinWeight, double MaxWeight)
{
    /// <summary>The reference rows' weights.</summary>
    public IEnumerable<double> ReferenceWeights => Weights.Take(ReferenceRows);

    /// <summary>Whether the interval of the AUC lies above 0.5: the domains differ beyond chance.</summary>
    public bool ShiftDetected => AucLow > 0.5;
}
