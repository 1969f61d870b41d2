using System.Globalization;
using Spectre.Console;

namespace Recur.Cli;

/// <summary>Small table builders for human output.</summary>
internal static class Tables
{
    public static Table Of(params string[] headers)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var h in headers) table.AddColumn(Markup.Escape(h));
        return table;
    }

    public static Table Row(this Table table, params object?[] cells)
    {
        table.AddRow(cells.Select(c => Markup.Escape(Format(c))).ToArray());
        return table;
    }

    public static string Format(object? value) => value switch
    {
        null => "",
        double d => d.ToString("0.####", CultureInfo.InvariantCulture),
        bool b => b ? "yes" : "no",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>The common metrics of a metric dictionary as a short line.</summary>
    public static string Metrics(IReadOnlyDictionary<string, double>? metrics) => metrics is null ? "" :
        string.Join("  ", new[] { "auc", "accuracy", "macro_f1", "log_loss", "precision", "recall", "rmse", "mae", "r2" }
            .Where(metrics.ContainsKey).Select(k => $"{k} {Format(metrics[k])}"));
}
