using Recur.Core.Data;
using Recur.Features.Internal;

namespace Recur.Features.Transforms;

/// <summary>A fitted transform that maps one numeric column to one real column of the same name, value by value.</summary>
public abstract class FittedNumericMap : FittedTransform
{
    /// <inheritdoc />
    public override IReadOnlyList<ColumnSpec> Outputs() => [new ColumnSpec(Inputs[0], ColumnType.Real)];

    /// <inheritdoc />
    public override IReadOnlyList<DataColumn> Apply(IReadOnlyList<DataColumn> inputs)
    {
        var values = Columns.Numbers(inputs[0]);
        var result = new double[values.Length];
        for (var i = 0; i < values.Length; i++) result[i] = double.IsNaN(values[i]) ? double.NaN : Map(values[i]);
        return [Columns.Real(Inputs[0], result)];
    }

    /// <summary>The output for one present value.</summary>
    protected abstract double Map(double value);
}

/// <summary>(x − mean) / standard deviation, both from the training rows; a constant column gives 0.</summary>
public sealed class Standardize : ITransform
{
    /// <inheritdoc />
    public string Name => "standardize";
    /// <inheritdoc />
    public string Summary => "(x - mean) / standard deviation of the training rows";
    /// <inheritdoc />
    public TransformInput Input => TransformInput.Numeric;
    /// <inheritdoc />
    public bool Combines => false;
    /// <inheritdoc />
    public IReadOnlyList<TransformParameter> Parameters => [];
    /// <inheritdoc />
    public Type FittedType => typeof(Fitted);

    /// <inheritdoc />
    public FittedTransform Fit(IReadOnlyList<DataColumn> inputs, TransformSettings settings, string output)
    {
        var (mean, std) = Columns.Moments(Columns.Numbers(inputs[0]));
        return new Fitted { Inputs = [inputs[0].Name], Mean = mean, Std = std };
    }

    /// <summary>The fitted mean and standard deviation.</summary>
    public sealed class Fitted : FittedNumericMap
    {
        /// <summary>The training mean.</summary>
        public double Mean { get; set; }
        /// <summary>The training standard deviation (population).</summary>
        public double Std { get; set; }
        /// <inheritdoc />
        protected override double Map(double value) => Std > 0 ? (value - Mean) / Std : 0;
        /// <inheritdoc />
        public override IEnumerable<KeyValuePair<string, string>> Describe() => [new("mean", Columns.Format(Mean)), new("std", Columns.Format(Std))];
    }
}

/// <summary>(x − min) / (max − min) over the training rows, so training values fall in [0, 1]; later values may fall outside.</summary>
public sealed class MinMax : ITransform
{
    /// <inheritdoc />
    public string Name => "minmax";
    /// <inheritdoc />
    public string Summary => "(x - min) / (max - min) of the training rows";
    /// <inheritdoc />
    public TransformInput Input => TransformInput.Numeric;
    /// <inheritdoc />
    public bool Combines => false;
    /// <inheritdoc />
    public IReadOnlyList<TransformParameter> Parameters => [];
    /// <inheritdoc />
    public Type FittedType => typeof(Fitted);

    /// <inheritdoc />
    public FittedTransform Fit(IReadOnlyList<DataColumn> inputs, TransformSettings settings, string output)
    {
        var sorted = Columns.SortedPresent(Columns.Numbers(inputs[0]));
        return new Fitted { Inputs = [inputs[0].Name], Min = sorted.Length > 0 ? sorted[0] : 0, Max = sorted.Length > 0 ? sorted[^1] : 0 };
    }

    /// <summary>The fitted range.</summary>
    public sealed class Fitted : FittedNumericMap
    {
        /// <summary>The training minimum.</summary>
        public double Min { get; set; }
        /// <summary>The training maximum.</summary>
        public double Max { get; set; }
        /// <inheritdoc />
        protected override double Map(double value) => Max > Min ? (value - Min) / (Max - Min) : 0;
        /// <inheritdoc />
        public override IEnumerable<KeyValuePair<string, string>> Describe() => [new("min", Columns.Format(Min)), new("max", Columns.Format(Max))];
    }
}

/// <summary>ln(x + offset); a value at or below −offset becomes missing.</summary>
public sealed class LogTransform : ITransform
{
    /// <inheritdoc />
    public string Name => "log";
    /// <inheritdoc />
    public string Summary => "ln(x + offset); values at or below -offset become missing";
    /// <inheritdoc />
    public TransformInput Input => TransformInput.Numeric;
    /// <inheritdoc />
    public bool Combines => false;
    /// <inheritdoc />
    public IReadOnlyList<TransformParameter> Parameters => [TransformParameter.Real("offset", "added before the logarithm", 1, 0, 1e12)];
    /// <inheritdoc />
    public Type FittedType => typeof(Fitted);

    /// <inheritdoc />
    public FittedTransform Fit(IReadOnlyList<DataColumn> inputs, TransformSettings settings, string output) =>
        new Fitted { Inputs = [inputs[0].Name], Offset = settings.Real("offset") ?? 1 };

    /// <summary>The offset.</summary>
    public sealed class Fitted : FittedNumericMap
    {
        /// <summary>Added before the logarithm.</summary>
        public double Offset { get; set; }
        /// <inheritdoc />
        protected override double Map(double value) => value + Offset > 0 ? Math.Log(value + Offset) : double.NaN;
        /// <inheritdoc />
        public override IEnumerable<KeyValuePair<string, string>> Describe() => [new("offset", Columns.Format(Offset))];
    }
}

/// <summary>Limits values to [low, high]: given bounds, or training quantiles (by default the 1st and 99th percentiles).</summary>
public sealed class Clip : ITransform
{
    /// <inheritdoc />
    public string Name => "clip";
    /// <inheritdoc />
    public string Summary => "limits values to [min, max], given or from training quantiles";
    /// <inheritdoc />
    public TransformInput Input => TransformInput.Numeric;
    /// <inheritdoc />
    public bool Combines => false;
    /// <inheritdoc />
    public IReadOnlyList<TransformParameter> Parameters =>
    [
        TransformParameter.Real("min", "lower bound (default: the lower_quantile of the training rows)", null),
        TransformParameter.Real("max", "upper bound (default: the upper_quantile of the training rows)", null),
        TransformParameter.Real("lower_quantile", "training quantile used when min is not given", 0.01, 0, 1),
        TransformParameter.Real("upper_quantile", "training quantile used when max is not given", 0.99, 0, 1),
    ];
    /// <inheritdoc />
    public Type FittedType => typeof(Fitted);

    /// <inheritdoc />
    public FittedTransform Fit(IReadOnlyList<DataColumn> inputs, TransformSettings settings, string output)
    {
        var sorted = Columns.SortedPresent(Columns.Numbers(inputs[0]));
        var low = settings.Real("min") ?? Columns.Quantile(sorted, settings.Real("lower_quantile")!.Value);
        var high = settings.Real("max") ?? Columns.Quantile(sorted, settings.Real("upper_quantile")!.Value);
        if (low > high) throw Core.RecurException.Invalid($"clip of '{inputs[0].Name}': min {Columns.Format(low)} is above max {Columns.Format(high)}", inputs[0].Name);
        return new Fitted { Inputs = [inputs[0].Name], Low = double.IsNaN(low) ? double.NegativeInfinity : low, High = double.IsNaN(high) ? double.PositiveInfinity : high };
    }

    /// <summary>The bounds.</summary>
    public sealed class Fitted : FittedNumericMap
    {
        /// <summary>The lower bound.</summary>
        public double Low { get; set; }
        /// <summary>The upper bound.</summary>
        public double High { get; set; }
        /// <inheritdoc />
        protected override double Map(double value) => Math.Clamp(value, Low, High);
        /// <inheritdoc />
        public override IEnumerable<KeyValuePair<string, string>> Describe() => [new("min", Columns.Format(Low)), new("max", Columns.Format(High))];
    }
}

/// <summary>
/// The bucket index of each value: edges given, or the training quantiles that split the rows into equal parts.
/// Bucket i holds values in [edge(i−1), edge(i)); a missing value stays missing.
/// </summary>
public sealed class Bucketize : ITransform
{
    /// <inheritdoc />
    public string Name => "bucketize";
    /// <inheritdoc />
    public string Summary => "bucket index by given edges or training quantiles";
    /// <inheritdoc />
    public TransformInput Input => TransformInput.Numeric;
    /// <inheritdoc />
    public bool Combines => false;
    /// <inheritdoc />
    public IReadOnlyList<TransformParameter> Parameters =>
    [
        TransformParameter.Whole("buckets", "number of equal-frequency buckets when edges are not given", 10, 2, 1000),
        TransformParameter.List("edges", "bucket edges, comma-separated and increasing (replaces buckets)"),
    ];
    /// <inheritdoc />
    public Type FittedType => typeof(Fitted);

    /// <inheritdoc />
    public FittedTransform Fit(IReadOnlyList<DataColumn> inputs, TransformSettings settings, string output)
    {
        var edges = settings.Numbers("edges");
        if (edges.Length == 0)
        {
            var sorted = Columns.SortedPresent(Columns.Numbers(inputs[0]));
            var buckets = settings.Int("buckets");
            edges = Enumerable.Range(1, buckets - 1).Select(i => Columns.Quantile(sorted, (double)i / buckets)).Where(e => !double.IsNaN(e)).Distinct().ToArray();
        }
        return new Fitted { Inputs = [inputs[0].Name], Edges = [.. edges] };
    }

    /// <summary>The bucket edges.</summary>
    public sealed class Fitted : FittedNumericMap
    {
        /// <summary>The increasing edges; there are one more buckets than edges.</summary>
        public List<double> Edges { get; set; } = [];
        /// <inheritdoc />
        protected override double Map(double value)
        {
            var i = Edges.BinarySearch(value);
            return i >= 0 ? i + 1 : ~i;
        }
        /// <inheritdoc />
        public override IEnumerable<KeyValuePair<string, string>> Describe() =>
            [new("buckets", (Edges.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)), new("edges", string.Join(", ", Edges.Select(Columns.Format)))];
    }
}
