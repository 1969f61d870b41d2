using System.Globalization;
using Recur.Core;
using Recur.Core.Modeling;
using Recur.Core.Monitoring;
using Recur.Core.Project;
using Recur.Lake.Ingest;
using Recur.Serving.Feedback;

namespace Recur.Pipeline.Feedback;

/// <summary>A feedback row that was not stored, and why.</summary>
/// <param name="Row">The data row (1 = the first row after the header).</param>
/// <param name="Key">Its key, when it has one.</param>
/// <param name="Label">Its label, when it has one.</param>
/// <param name="Reason">Why it was refused, naming the column.</param>
public sealed record RefusedLabel(int Row, string? Key, string? Label, string Reason);

/// <summary>The labels of a feedback file, those refused, and how many rows the parser quarantined.</summary>
/// <param name="Labels">The rows that fit the model, in file order.</param>
/// <param name="Refused">The rows that do not, with the reason.</param>
/// <param name="Quarantined">Rows the CSV parser could not read.</param>
/// <param name="Rows">Data rows read.</param>
public sealed record FeedbackFileContent(IReadOnlyList<FeedbackRecord> Labels, IReadOnlyList<RefusedLabel> Refused, int Quarantined, int Rows);

/// <summary>
/// Reads a CSV of labels (a header row with a key column, a label column and optionally an event-time column in
/// ISO-8601) and checks each label against the model's task; rows without a time take the reading time.
/// </summary>
public static class FeedbackCsv
{
    /// <summary>
    /// The file's labels. <paramref name="timeColumn"/> is used when the file has it; with <paramref name="timeRequired"/>
    /// its absence is an error naming the option.
    /// </summary>
    public static FeedbackFileContent Read(string path, string displayName, FeaturePlan plan, string keyColumn, string labelColumn, string? timeColumn, bool timeRequired, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var types = new Dictionary<string, string> { [keyColumn] = "text", [labelColumn] = "text" };
        if (timeColumn is not null) types[timeColumn] = "text";
        var parsed = DelimitedParser.ParseFile(path, new DatasetConfig { Header = true, Types = types }, displayName);
        var table = parsed.Table;
        if (!table.Has(keyColumn)) throw RecurException.Invalid($"{displayName}: no key column '{keyColumn}' (columns: {string.Join(", ", table.Schema.Columns.Select(c => c.Name))})", "--key-column");
        if (!table.Has(labelColumn)) throw RecurException.Invalid($"{displayName}: no label column '{labelColumn}' (columns: {string.Join(", ", table.Schema.Columns.Select(c => c.Name))})", "--label-column");
        var hasTime = timeColumn is not null && table.Has(timeColumn);
        if (timeRequired && !hasTime) throw RecurException.Invalid($"{displayName}: no time column '{timeColumn}'", "--time-column");
        var labels = new List<FeedbackRecord>();
        var refused = new List<RefusedLabel>();
        for (var r = 0; r < table.RowCount; r++)
        {
            var key = table[keyColumn].Format(r);
            var label = table[labelColumn].Format(r);
            var timeText = hasTime ? table[timeColumn!].Format(r) : null;
            DateTimeOffset time = now;
            var problem = key is null ? $"no key (column '{keyColumn}')"
                : label is null ? $"no label (column '{labelColumn}')"
                : LabelClasses.Problem(label, plan);
            if (problem is null && timeText is not null && !TryTime(timeText, out time))
            {
                problem = $"column '{timeColumn}': '{timeText}' is not an ISO-8601 time";
            }
            if (problem is null) labels.Add(new FeedbackRecord(key!, LabelClasses.Canonical(label!, plan), time));
            else refused.Add(new RefusedLabel(r + 1, key, label, problem));
        }
        return new FeedbackFileContent(labels, refused, parsed.Quarantined.Count, table.RowCount);
    }

    private static bool TryTime(string text, out DateTimeOffset time) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out time);
}
