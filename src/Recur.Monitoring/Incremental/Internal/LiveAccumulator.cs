using System.Globalization;

namespace Recur.Monitoring.Incremental.Internal;

/// <summary>
/// One version's labelled predictions in one window, as sums that merge exactly in any order: confusion counts and
/// score histograms for binary, a confusion table for multiclass, fixed-point error sums for regression (errors are
/// rounded to 1e-6 and summed as integers, so batch + speed equals a replay to the last bit).
/// </summary>
internal sealed class LiveAccumulator
{
    /// <summary>Score bins of the binary histograms, on [0, 1].</summary>
    public const int ScoreBins = 200;

    /// <summary>Regression errors are kept in units of 1e-6.</summary>
    public const double ErrorUnit = 1e-6;

    public long Predictions { get; set; }

    public long Labelled { get; set; }

    public long TruePositives { get; set; }

    public long FalsePositives { get; set; }

    public long TrueNegatives { get; set; }

    public long FalseNegatives { get; set; }

    /// <summary>Binary: scores of labelled positives per bin.</summary>
    public long[]? PositiveScores { get; set; }

    /// <summary>Binary: scores of labelled negatives per bin.</summary>
    public long[]? NegativeScores { get; set; }

    /// <summary>Multiclass: "true → predicted" counts.</summary>
    public SortedDictionary<string, long>? Confusion { get; set; }

    /// <summary>Regression: Σ e, Σ |e|, Σ e² in units of 1e-6 (1e-12 for squares), as invariant integer text.</summary>
    public string SumError { get => Text(_sumError); set => _sumError = Parse(value); }

    /// <inheritdoc cref="SumError"/>
    public string SumAbsolute { get => Text(_sumAbsolute); set => _sumAbsolute = Parse(value); }

    /// <inheritdoc cref="SumError"/>
    public string SumSquares { get => Text(_sumSquares); set => _sumSquares = Parse(value); }

    private Int128 _sumError, _sumAbsolute, _sumSquares;

    /// <summary>The regression sums in error units.</summary>
    public (Int128 Error, Int128 Absolute, Int128 Squares) Sums => (_sumError, _sumAbsolute, _sumSquares);

    /// <summary>Regression labels that were not numbers: counted, left out of the metrics.</summary>
    public long Unreadable { get; set; }

    public void AddBinary(double score, bool positive, double threshold)
    {
        Labelled++;
        var predicted = score >= threshold;
        if (predicted && positive) TruePositives++;
        else if (predicted) FalsePositives++;
        else if (positive) FalseNegatives++;
        else TrueNegatives++;
        var bin = Math.Clamp((int)Math.Floor(score * ScoreBins), 0, ScoreBins - 1);
        ((positive ? PositiveScores ??= new long[ScoreBins] : NegativeScores ??= new long[ScoreBins]))[bin]++;
    }

    public void AddClass(string actual, string predicted)
    {
        Labelled++;
        Confusion ??= new(StringComparer.Ordinal);
        var cell = actual + " → " + predicted;
        Confusion[cell] = Confusion.GetValueOrDefault(cell) + 1;
    }

    public void AddValue(double predicted, string actualText)
    {
        if (!double.TryParse(actualText, NumberStyles.Float, CultureInfo.InvariantCulture, out var actual) || !double.IsFinite(actual) || !double.IsFinite(predicted))
        {
            Unreadable++;
            return;
        }
        Labelled++;
        var e = (Int128)Math.Round((predicted - actual) / ErrorUnit, MidpointRounding.ToEven);
        _sumError += e;
        _sumAbsolute += Int128.Abs(e);
        _sumSquares += e * e;
    }

    public void Merge(LiveAccumulator other)
    {
        Predictions += other.Predictions;
        Labelled += other.Labelled;
        TruePositives += other.TruePositives;
        FalsePositives += other.FalsePositives;
        TrueNegatives += other.TrueNegatives;
        FalseNegatives += other.FalseNegatives;
        PositiveScores = Add(PositiveScores, other.PositiveScores);
        NegativeScores = Add(NegativeScores, other.NegativeScores);
        if (other.Confusion is { } confusion)
        {
            Confusion ??= new(StringComparer.Ordinal);
            foreach (var (cell, count) in confusion) Confusion[cell] = Confusion.GetValueOrDefault(cell) + count;
        }
        _sumError += other._sumError;
        _sumAbsolute += other._sumAbsolute;
        _sumSquares += other._sumSquares;
        Unreadable += other.Unreadable;
    }

    private static string Text(Int128 value) => value.ToString(CultureInfo.InvariantCulture);

    private static Int128 Parse(string text) => Int128.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    private static long[]? Add(long[]? mine, long[]? theirs)
    {
        if (theirs is null) return mine;
        mine ??= new long[theirs.Length];
        for (var i = 0; i < mine.Length; i++) mine[i] += theirs[i];
        return mine;
    }
}
