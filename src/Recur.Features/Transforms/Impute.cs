using System.Globalization;
using Recur.Core.Data;
using Recur.Features.Internal;

namespace Recur.Features.Transforms;

/// <summary>
/// Fills missing values (numbers: the training mean, median, zero or a constant; text: the most frequent training
/// value or a constant) and, by default, adds an indicator column <c>NAME:missing</c> (1 where the value was missing).
/// </summary>
public sealed class Impute : ITransform
{
    /// <summary>The suffix of the indicator column.</summary>
    public const string IndicatorSuffix = ":missing";

    /// <inheritdoc />
    public string Name => "impute";
    /// <inheritdoc />
    public string Summary => "fills missing values; adds NAME:missing (1 where missing)";
    /// <inheritdoc />
    public TransformInput Input => TransformInput.Any;
    /// <inheritdoc />
    public bool Combines => false;
    /// <inheritdoc />
    public IReadOnlyList<TransformParameter> Parameters =>
    [
        TransformParameter.Choice("strategy", "mean, median, zero or constant for numbers; most_frequent or constant for text", "median", "mean", "median", "zero", "most_frequent", "constant"),
        TransformParameter.Free("value", "the fill value of strategy constant: a number for a numeric column, any text for a text column"),
        TransformParameter.Flag("indicator", "add the NAME:missing column", true),
    ];
    /// <inheritdoc />
    public Type FittedType => typeof(Fitted);

    /// <inheritdoc />
    public FittedTransform Fit(IReadOnlyList<DataColumn> inputs, TransformSettings settings, string output)
    {
        var column = inputs[0];
        var strategy = settings.Text("strategy");
        var fitted = new Fitted { Inputs = [column.Name], Indicator = settings.Flag("indicator"), Strategy = strategy };
        if (column is NumericColumn numbers)
        {
            var sorted = Columns.SortedPresent(numbers.Values);
            fitted.Number = strategy switch
            {
                "mean" => Columns.Moments(numbers.Values).Mean,
                "zero" => 0,
                "constant" => double.TryParse(settings.Text("value"), NumberStyles.Float, CultureInfo.InvariantCulture, out var fill) && double.IsFinite(fill) ? fill
                    : throw Core.RecurException.Invalid(settings.Text("value").Length == 0
                        ? $"{settings.Key}.value: impute of '{column.Name}' with strategy constant needs params.value"
                        : $"{settings.Key}.value: '{settings.Text("value")}' is not a number, and column '{column.Name}' holds numbers", settings.Key + ".value"),
                "most_frequent" => sorted.Length == 0 ? 0 : sorted.GroupBy(v => v).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key,
                _ => sorted.Length == 0 ? 0 : Columns.Quantile(sorted, 0.5),
            };
        }
        else
        {
            var texts = ((TextColumn)column).Values;
            fitted.Text = strategy switch
            {
                "constant" => settings.Text("value").Length > 0 ? settings.Text("value") : "(missing)",
                "most_frequent" or "median" => texts.OfType<string>().GroupBy(v => v, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).FirstOrDefault()?.Key ?? "(missing)",
                _ => throw Core.RecurException.Invalid($"impute of text column '{column.Name}': strategy '{strategy}' needs numbers (use most_frequent or constant)", column.Name),
            };
        }
        return fitted;
    }

    /// <summary>The fill value and whether the indicator is written.</summary>
    public sealed class Fitted : FittedTransform
    {
        /// <summary>The strategy the fill value came from.</summary>
        public string Strategy { get; set; } = "";
        /// <summary>The fill value of a numeric column.</summary>
        public double? Number { get; set; }
        /// <summary>The fill value of a text column.</summary>
        public string? Text { get; set; }
        /// <summary>Whether NAME:missing is written.</summary>
        public bool Indicator { get; set; }

        /// <inheritdoc />
        public override IReadOnlyList<ColumnSpec> Outputs() =>
        [
            new ColumnSpec(Inputs[0], Text is null ? ColumnType.Real : ColumnType.Text),
            .. Indicator ? new[] { new ColumnSpec(Inputs[0] + IndicatorSuffix, ColumnType.Real) } : [],
        ];

        /// <inheritdoc />
        public override IReadOnlyList<DataColumn> Apply(IReadOnlyList<DataColumn> inputs)
        {
            var column = inputs[0];
            var missing = new double[column.Length];
            DataColumn filled;
            if (Text is null)
            {
                var values = Columns.Numbers(column);
                var result = new double[values.Length];
                for (var i = 0; i < values.Length; i++)
                {
                    var absent = double.IsNaN(values[i]);
                    result[i] = absent ? Number!.Value : values[i];
                    missing[i] = absent ? 1 : 0;
                }
                filled = Columns.Real(Inputs[0], result);
            }
            else
            {
                var values = ((TextColumn)column).Values;
                var result = new string?[values.Length];
                for (var i = 0; i < values.Length; i++)
                {
                    result[i] = values[i] ?? Text;
                    missing[i] = values[i] is null ? 1 : 0;
                }
                filled = Columns.Text(Inputs[0], result);
            }
            return Indicator ? [filled, Columns.Real(Inputs[0] + IndicatorSuffix, missing)] : [filled];
        }

        /// <inheritdoc />
        public override IEnumerable<KeyValuePair<string, string>> Describe() =>
            [new("strategy", Strategy), new("fill", Text ?? Columns.Format(Number!.Value)), new("indicator", Indicator ? Inputs[0] + IndicatorSuffix : "none")];
    }
}
