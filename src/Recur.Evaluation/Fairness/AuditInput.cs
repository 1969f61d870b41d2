using System.Globalization;
using Recur.Core;
using Recur.Core.Expressions;

namespace Recur.Evaluation.Fairness;

/// <summary>Turns a CSV file and an <see cref="AuditRequest"/> into the lens's input, naming the line and column of any bad cell.</summary>
public static class AuditInput
{
    private static readonly string[] Truthy = ["1", "true", "yes"];
    private static readonly string[] Falsy = ["0", "false", "no"];

    /// <summary>Builds the lens's input; every row of the file is used.</summary>
    /// <exception cref="RecurException">An unknown column, no or two ways of deciding, an unreadable label, a score outside [0, 1], or an expression that does not parse.</exception>
    public static FairnessInput Build(AuditFile file, AuditRequest request)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(request);
        var modes = new[] { request.Prediction is not null, request.PositiveWhen is not null, request.Score is not null && request.Prediction is null && request.PositiveWhen is null };
        if (modes.Count(m => m) != 1)
        {
            throw RecurException.Invalid("say how rows are predicted positive with exactly one of --prediction COL, --score COL --threshold T, or --positive-when \"EXPR\"", "--prediction");
        }
        if (request.Threshold is not null && (request.Score is null || request.Prediction is not null || request.PositiveWhen is not null))
        {
            throw RecurException.Invalid("--threshold applies to --score alone (not with --prediction or --positive-when)", "--threshold");
        }
        if (request.Threshold is { } t && !(t >= 0 && t <= 1)) throw RecurException.Invalid($"--threshold is {t}; a probability threshold lies in [0, 1]", "--threshold");
        if (request.Sensitive.Count == 0) throw RecurException.Invalid("name at least one sensitive column with --sensitive", "--sensitive");

        var labelColumn = file.IndexOf(request.Label, "--label");
        var sensitive = request.Sensitive.Select(s => (Name: s, Index: file.IndexOf(s, "--sensitive"))).ToList();
        var labels = file.Rows.Select((row, r) => Flag(file, r, labelColumn, request.Positive, "--positive")).ToArray();
        double[]? scores = null;
        if (request.Score is { } scoreName)
        {
            var column = file.IndexOf(scoreName, "--score");
            scores = file.Rows.Select((row, r) => Probability(file, r, column)).ToArray();
        }
        bool[] decisions;
        if (request.Prediction is { } prediction)
        {
            var column = file.IndexOf(prediction, "--prediction");
            decisions = file.Rows.Select((row, r) => Flag(file, r, column, request.PredictedPositive, "--predicted-positive")).ToArray();
        }
        else if (request.PositiveWhen is { } text)
        {
            var expression = DecisionExpression.Parse(text, file.Columns);
            decisions = file.Rows.Select(row => expression.Evaluate(row)).ToArray();
        }
        else
        {
            var threshold = request.Threshold ?? 0.5;
            decisions = scores!.Select(s => s >= threshold).ToArray();
        }
        var columns = sensitive.Select(s => new SensitiveColumn(s.Name, file.Rows.Select(row => row[s.Index]).ToArray())).ToList();
        return new FairnessInput(labels, decisions, scores, columns);
    }

    private static bool Flag(AuditFile file, int r, int column, string? positive, string option)
    {
        var value = file.Rows[r][column]?.Trim();
        var name = file.Columns[column];
        if (string.IsNullOrEmpty(value)) throw RecurException.Invalid($"{file.Source}: line {file.Lines[r]}: column '{name}' is empty; every row needs a value", name);
        if (positive is not null) return value == positive;
        if (Truthy.Contains(value, StringComparer.OrdinalIgnoreCase)) return true;
        if (Falsy.Contains(value, StringComparer.OrdinalIgnoreCase)) return false;
        throw RecurException.Invalid($"{file.Source}: line {file.Lines[r]}: column '{name}' is '{value}'; expected 0/1, true/false or yes/no, or name the positive value with {option}", name);
    }

    private static double Probability(AuditFile file, int r, int column)
    {
        var value = file.Rows[r][column]?.Trim();
        var name = file.Columns[column];
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var p))
        {
            throw RecurException.Invalid($"{file.Source}: line {file.Lines[r]}: score column '{name}' is '{value ?? ""}', not a number", name);
        }
        if (!(p >= 0 && p <= 1))
        {
            throw RecurException.Invalid($"{file.Source}: line {file.Lines[r]}: score column '{name}' is {value}, outside [0, 1]; --score takes probabilities (use --positive-when for other scores, e.g. \"{name} >= 5\")", name);
        }
        return p;
    }
}
