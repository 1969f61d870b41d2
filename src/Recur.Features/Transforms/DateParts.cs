using System.Globalization;
using Recur.Core.Data;
using Recur.Features.Internal;

namespace Recur.Features.Transforms;

/// <summary>
/// A date or time stamp written as text, split into numbers a model can use: <c>NAME:year</c>, <c>:month</c>,
/// <c>:day</c>, <c>:weekday</c> (0 = Sunday) and <c>:hour</c>. A value that does not parse (invariant culture, ISO
/// 8601 included) is missing in every part.
/// </summary>
public sealed class DateParts : ITransform
{
    private static readonly string[] Parts = ["year", "month", "day", "weekday", "hour"];

    /// <inheritdoc />
    public string Name => "datetime";
    /// <inheritdoc />
    public string Summary => "year, month, day, weekday and hour of a date/time text";
    /// <inheritdoc />
    public TransformInput Input => TransformInput.Text;
    /// <inheritdoc />
    public bool Combines => false;
    /// <inheritdoc />
    public IReadOnlyList<TransformParameter> Parameters => [];
    /// <inheritdoc />
    public Type FittedType => typeof(Fitted);

    /// <inheritdoc />
    public FittedTransform Fit(IReadOnlyList<DataColumn> inputs, TransformSettings settings, string output) => new Fitted { Inputs = [inputs[0].Name] };

    /// <summary>Nothing is learned; the parts are fixed.</summary>
    public sealed class Fitted : FittedTransform
    {
        /// <inheritdoc />
        public override IReadOnlyList<ColumnSpec> Outputs() => [.. Parts.Select(p => new ColumnSpec($"{Inputs[0]}:{p}", ColumnType.Real))];

        /// <inheritdoc />
        public override IReadOnlyList<DataColumn> Apply(IReadOnlyList<DataColumn> inputs)
        {
            var texts = ((TextColumn)inputs[0]).Values;
            var parts = Parts.Select(_ => new double[texts.Length]).ToArray();
            for (var r = 0; r < texts.Length; r++)
            {
                if (texts[r] is { } text && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AdjustToUniversal, out var at))
                {
                    parts[0][r] = at.Year;
                    parts[1][r] = at.Month;
                    parts[2][r] = at.Day;
                    parts[3][r] = (int)at.DayOfWeek;
                    parts[4][r] = at.Hour;
                }
                else
                {
                    foreach (var p in parts) p[r] = double.NaN;
                }
            }
            return [.. parts.Select((values, i) => Columns.Real($"{Inputs[0]}:{Parts[i]}", values))];
        }

        /// <inheritdoc />
        public override IEnumerable<KeyValuePair<string, string>> Describe() => [new("parts", string.Join(", ", Parts))];
    }
}
