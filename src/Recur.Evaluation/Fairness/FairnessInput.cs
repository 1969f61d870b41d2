namespace Recur.Evaluation.Fairness;

/// <summary>One sensitive column: its name and each row's value (null for missing).</summary>
/// <param name="Name">The column's name.</param>
/// <param name="Values">One value per row; null or empty is the group <see cref="FairnessLens.Missing"/>.</param>
public sealed record SensitiveColumn(string Name, IReadOnlyList<string?> Values);

/// <summary>What the lens audits: true labels, decisions, optional probabilities and the sensitive columns.</summary>
/// <param name="Labels">Whether each row's true label is positive.</param>
/// <param name="Decisions">Whether each row was predicted positive.</param>
/// <param name="Scores">Each row's predicted probability in [0, 1], or null without scores (no calibration).</param>
/// <param name="Sensitive">The sensitive columns, one value per row each.</param>
public sealed record FairnessInput(IReadOnlyList<bool> Labels, IReadOnlyList<bool> Decisions, IReadOnlyList<double>? Scores, IReadOnlyList<SensitiveColumn> Sensitive);
