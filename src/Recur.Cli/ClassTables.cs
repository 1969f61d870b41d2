using Recur.Evaluation.Metrics;
using Spectre.Console;

namespace Recur.Cli;

/// <summary>A classifier's confusion matrix and per-class figures, for the human output of train and eval.</summary>
internal static class ClassTables
{
    // Wider matrices do not fit a terminal; the HTML report always has them.
    private const int MaxClassesShown = 12;

    /// <summary>The confusion matrix (rows: true class, columns: predicted) and a per-class table, or a pointer to the report.</summary>
    public static void Write(IAnsiConsole console, ConfusionMatrix? confusion, string report)
    {
        if (confusion is null) return;
        if (confusion.Classes.Count > MaxClassesShown)
        {
            console.WriteLine($"{confusion.Classes.Count} classes: the confusion matrix and per-class figures are in {report}");
            return;
        }
        var at = confusion.Threshold is { } t ? $" at threshold {Tables.Format(t)}" : "";
        console.WriteLine($"confusion matrix{at} (rows: actual, columns: predicted)");
        var matrix = Tables.Of(["actual \\ predicted", .. confusion.Classes]);
        for (var r = 0; r < confusion.Classes.Count; r++) matrix.Row([confusion.Classes[r], .. confusion.Counts[r].Cast<object>()]);
        console.Write(matrix);
        var perClass = Tables.Of("class", "precision", "recall", "f1", "support");
        foreach (var f in confusion.PerClass()) perClass.Row(f.Class, f.Precision, f.Recall, f.F1, f.Support);
        console.Write(perClass);
    }

    /// <summary>The JSON form of the per-class figures: one object per class.</summary>
    public static object? PerClassJson(ConfusionMatrix? confusion) =>
        confusion?.PerClass().Select(f => new { @class = f.Class, precision = f.Precision, recall = f.Recall, f1 = f.F1, support = f.Support });
}
