using Recur.Core.Statistics;
using Recur.Training.Composition;

namespace Recur.Pipeline.Framing.Neutral;

/// <summary>
/// What moving rows to the neutral class buys, on the evaluation rows: the share abstained, the accuracy (and, for an
/// abstain band, the precision) of the decided rows, each with a 95 % Wilson interval, beside the accuracy when every
/// row is decided; and the coverage/accuracy curve as more rows are moved to neutral.
/// </summary>
/// <param name="Mode">"abstain band" or "neutral class".</param>
/// <param name="Declared">How it was declared, e.g. "target precision 0.8" or "label value 'maybe'".</param>
/// <param name="Band">The abstain band chosen on the validation rows; null for a learnt neutral class.</param>
/// <param name="Rows">Evaluation rows.</param>
/// <param name="Abstained">Rows answered neutral.</param>
/// <param name="DecidedAccuracy">Of the decided rows, those answered right.</param>
/// <param name="DecidedPrecision">Of the rows decided positive, those truly positive (abstain band); null otherwise.</param>
/// <param name="AccuracyAllDecided">The accuracy when every row is decided (no neutral answer).</param>
/// <param name="Curve">Decided accuracy as the rows nearest to neutral are abstained, share by share.</param>
public sealed record NeutralReport(
    string Mode, string Declared, AbstainBand? Band, int Rows, Rate Abstained, Rate DecidedAccuracy, Rate? DecidedPrecision,
    double AccuracyAllDecided, IReadOnlyList<CoveragePoint> Curve);

/// <summary>A share of rows with its 95 % Wilson interval.</summary>
/// <param name="Value">The share.</param>
/// <param name="Low">The interval's lower end.</param>
/// <param name="High">The interval's upper end.</param>
/// <param name="Count">The rows counted.</param>
/// <param name="Of">The rows it is a share of.</param>
public sealed record Rate(double Value, double Low, double High, int Count, int Of)
{
    /// <summary>The share of <paramref name="count"/> in <paramref name="of"/> rows (NaN when there are none).</summary>
    public static Rate Share(int count, int of)
    {
        if (of == 0) return new(double.NaN, double.NaN, double.NaN, 0, 0);
        var (low, high) = WilsonInterval.Of(count, of);
        return new((double)count / of, low, high, count, of);
    }
}

/// <summary>One point of the coverage/accuracy curve.</summary>
/// <param name="Abstained">The share of rows moved to neutral (those nearest to it: scores closest to the threshold, or the highest neutral probability).</param>
/// <param name="Coverage">The share decided (1 − abstained).</param>
/// <param name="Accuracy">The decided rows' accuracy.</param>
/// <param name="Precision">The precision of the rows decided positive (binary); null otherwise.</param>
public sealed record CoveragePoint(double Abstained, double Coverage, double Accuracy, double? Precision);
