using Recur.Core.Profiles;
using Recur.Monitoring.Drift;

namespace Recur.Monitoring.Incremental.Internal;

/// <summary>A column's reference made ready for sketching: the bin edges and the reference CDF at each, or the known values.</summary>
internal sealed class PreparedColumn
{
    /// <summary>The grid is read at levels k / <see cref="SketchIntervals"/>: fine enough for drift, small enough to keep per window.</summary>
    public const int SketchIntervals = 100;

    private PreparedColumn(string name, ColumnReference reference)
    {
        Name = name;
        Reference = reference;
    }

    public string Name { get; }

    public ColumnReference Reference { get; }

    /// <summary>Numeric: distinct ascending edges read from the reference grid.</summary>
    public double[]? Edges { get; private init; }

    /// <summary>Numeric: the reference CDF P(X ≤ edge) at each edge.</summary>
    public double[]? ReferenceCdf { get; private init; }

    /// <summary>Text: the values the reference kept.</summary>
    public HashSet<string>? Known { get; private init; }

    public bool Numeric => Edges is not null;

    public FeatureSketch EmptySketch() => Numeric ? FeatureSketch.Numeric(Edges!.Length) : FeatureSketch.Text();

    public static PreparedColumn Of(string name, ColumnReference reference, bool numeric)
    {
        if (numeric)
        {
            // A numeric column without values in the reference still gets one bin, so its values are counted.
            if (reference.Numbers is not { } numbers) return new(name, reference) { Edges = [], ReferenceCdf = [] };
            var grid = new QuantileGrid(numbers.Quantiles, name);
            var edges = Enumerable.Range(0, SketchIntervals + 1)
                .Select(k => grid[(int)Math.Round((double)k * grid.Intervals / SketchIntervals, MidpointRounding.ToEven)])
                .Distinct().Order().ToArray();
            return new(name, reference) { Edges = edges, ReferenceCdf = edges.Select(grid.AtOrBelow).ToArray() };
        }
        var known = new HashSet<string>(reference.Categories?.Values ?? [], StringComparer.Ordinal);
        return new(name, reference) { Known = known };
    }
}

/// <summary>The subject with its columns prepared once per run.</summary>
internal sealed class PreparedSubject
{
    public PreparedSubject(MonitorSubject subject)
    {
        Subject = subject;
        Features = subject.Features.Select(f => PreparedColumn.Of(f.Name,
            subject.Reference.Columns.GetValueOrDefault(f.Name) ?? throw Core.RecurException.Invalid($"feature '{f.Name}' is not in the reference profile", f.Name),
            f.Numeric)).ToList();
        Scores = PreparedColumn.Of(MonitoringAnswers.PredictionColumn, subject.Predictions, subject.Predictions.Numbers is not null);
    }

    public MonitorSubject Subject { get; }

    public IReadOnlyList<PreparedColumn> Features { get; }

    public PreparedColumn Scores { get; }

    public WindowState EmptyWindow() => new()
    {
        Features = Features.Select(f => f.EmptySketch()).ToList(),
        Scores = Scores.EmptySketch(),
    };
}
