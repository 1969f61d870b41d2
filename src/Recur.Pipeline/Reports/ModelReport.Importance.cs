using Recur.Evaluation.Importance;
using Recur.Evaluation.Reports;

namespace Recur.Pipeline.Reports;

public static partial class ModelReport
{
    /// <summary>
    /// Writes the global importance page of a version (<c>recur explain --global</c>) as <c>importance-v{version}.html</c>:
    /// permutation importance as bars with their 95 % intervals, and a table with the mean |SHAP| per output. Returns its path.
    /// </summary>
    public static string WriteImportance(RecurProject project, int version, string data, GlobalImportanceResult result)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(result);
        var metric = result.Metric.Replace('_', ' ');
        var report = new HtmlReport($"{project.Config.Name}: global importance of version {version}")
            .Paragraph($"On the {data}; {metric} {Format(result.Baseline)} before any shuffle.")
            .Heading("Permutation importance")
            .Paragraph($"Each input shuffled {result.Repeats} times (seeded); the bar is the mean worsening of the {metric} (positive: the model needs the input), " +
                "the whisker a 95% Student t interval over the shuffles.")
            .IntervalBars([.. result.Columns.Select(c => (c.Column, c.Drop, c.Low, c.High))], $"{metric} drop when the input is shuffled");
        if (result.ExplainedRows > 0)
        {
            report.Heading("Mean |SHAP|")
                .Paragraph($"The mean absolute contribution of each input to the raw score over {result.ExplainedRows} rows, per output.")
                .Table(["input", .. result.Outputs], result.Columns.Select(c => (IReadOnlyList<string>)[c.Column, .. c.MeanAbsShap.Select(Format)]));
        }
        return Save(project, report, $"importance-v{version}.html");
    }
}
