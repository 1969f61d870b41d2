namespace Recur.Cli.Init;

/// <summary>The commented recur.yaml that <c>recur init</c> writes; every value from the user is quoted as YAML needs.</summary>
internal static class ProjectTemplate
{
    /// <summary>The file's text.</summary>
    /// <param name="name">The model's name.</param>
    /// <param name="source">The training data's path, relative to the project folder.</param>
    /// <param name="label">The label column, or null when not yet known.</param>
    /// <param name="key">The entity key column, if any.</param>
    /// <param name="survey">What was read from the source, if it was read.</param>
    /// <param name="task">What the label implies, if known.</param>
    public static string Render(string name, string source, string? label, string? key, SourceSurvey? survey, LabelTask? task)
    {
        var labelLine = label is null ? "label: \"\"                # required: the column to predict (init was given no --label)" : $"label: {YamlScalar.Of(label)}";
        var taskNote = task is null ? "# the column to predict" : $"# {task.Summary.Split(';')[0]}";
        var taskLine = task is { Trainable: true } ? $"task: {task.Kind}" : "# task: binary";
        var metric = task?.Kind switch { "multiclass" => "macro_f1", "regression" => "rmse", _ => "auc" };
        var minValue = task?.Kind == "regression" ? "# max_value: 100        # the candidate's RMSE must be at most this" : "min_value: 0.6";
        var positive = task is { Kind: "binary" } ? $"# positive: {YamlScalar.Of(task.Classes[1])}" : "# positive: \"yes\"";
        var keyLine = key is null ? "# key: customer_id" : $"key: {YamlScalar.Of(key)}";
        var header = survey is null ? "header: true" : $"header: {(survey.Header ? "true" : "false")}";
        var columns = survey is { Header: false } ? $"\n    columns: [{string.Join(", ", survey.Columns.Select(c => YamlScalar.Of(c.Name)))}]   # the file has no header row: rename these" : "";
        var delimiter = survey?.Delimiter is { } d ? $"delimiter: {YamlScalar.Of(d == "\\t" ? "\t" : d)}   # detected by recur init" : "# delimiter: \",\"";
        return $"""
            # recur.yaml — everything the loop does, declared and versioned with your code.
            # Docs: docs/project-file.md

            name: {YamlScalar.Of(name)}            # the model's name in the registry and the REST routes
            seed: 42                 # splits, sampling and training are repeatable for a seed
            {labelLine}           {taskNote}
            {taskLine}             # binary | multiclass | regression (inferred from the label when absent)
            {positive}        # the positive class (default: the larger value in sort order)
            {keyLine}       # an entity key column, never used as a feature

            datasets:
              train:
                source: {YamlScalar.Of(source)}     # path relative to this file
                {header}{columns}
                {delimiter}
                # missing: ["?", "NA"]   # values that mean "missing" (the empty field always does)
                # types: {"{"} zip: text {"}"} # override inferred types (integer, real, text)
              # test:                # evaluation data for metrics and promotion gates
              #   source: data/test.csv

            features:
              exclude: []            # columns never used as features

            split:
              by: []                 # columns hashed with Fingerprint64 (default: the whole row)
              validation: 0.2

            training:
              trainer: lightgbm
              iterations: 200
              learning_rate: 0.05
              leaves: 31
              min_rows_per_leaf: 20

            evaluation:
              # dataset: test        # a declared dataset that evaluates and gates models (default: the validation split)
              threshold: 0.5

            validation:
              max_anomaly_share: 0.01  # against an inferred reference, a value anomaly on more rows than this is an error

            promotion:               # a candidate becomes champion only if it passes every gate
              metric: {metric}            # binary: auc, …; multiclass: macro_f1, accuracy, log_loss; regression: rmse, mae, r2
              {minValue}
              min_gain_over_baseline: 0.01
              min_gain_over_champion: 0.0
              significance: 0.05     # each gain must clear its minimum across a paired 95 % bootstrap interval (0: off)

            monitoring:
              p_value: 0.05
              distance_threshold: 0.1
              correction: bonferroni
              retrain_drift_share: 0.1
              min_rows: 100

            """;
    }
}
