using System.CommandLine;
using Recur.Core;
using Recur.Pipeline;

namespace Recur.Cli.Commands;

/// <summary><c>recur init</c>: an empty project — a commented recur.yaml and the .recur/ folder.</summary>
internal static class InitCommand
{
    public static Command Create()
    {
        var source = new Option<string?>("--source") { Description = "A CSV file (with a header row) to declare as the 'train' dataset" };
        var label = new Option<string?>("--label") { Description = "The column to predict" };
        var key = new Option<string?>("--key") { Description = "An entity key column: passed through predictions, never a feature" };
        var name = new Option<string>("--name") { Description = "The model's name", DefaultValueFactory = _ => "model" };
        var command = new Command("init", "Create a project: a commented recur.yaml and the .recur/ state folder") { source, label, key, name };
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, ctx =>
        {
            var dir = Path.GetFullPath(ctx.ProjectDir);
            var file = Path.Combine(dir, RecurProject.FileName);
            if (File.Exists(file)) throw RecurException.Invalid($"{file} already exists; not overwriting it", "project");
            Directory.CreateDirectory(Path.Combine(dir, ".recur"));
            var src = parse.GetValue(source);
            var relative = src is null ? "data/train.csv" : Path.GetRelativePath(dir, Path.GetFullPath(src)).Replace('\\', '/');
            var text = Template(parse.GetValue(name)!, relative, parse.GetValue(label) ?? "label", parse.GetValue(key));
            File.WriteAllText(file + ".tmp", text);
            File.Move(file + ".tmp", file);
            if (ctx.Json) ctx.WriteJson(new { project = dir, config = file });
            else ctx.Human.MarkupLine($"Created [bold]{Spectre.Console.Markup.Escape(file)}[/]. Edit it, then run: recur ingest train");
            return Task.FromResult(0);
        }));
        return command;
    }

    private static string Template(string name, string source, string label, string? key) => $"""
        # recur.yaml — everything the loop does, declared and versioned with your code.
        # Docs: docs/project-file.md

        name: {name}            # the model's name in the registry and the REST routes
        seed: 42                 # splits, sampling and training are repeatable for a seed
        label: {label}           # the column to predict (binary)
        # positive: "yes"        # the positive class (default: the larger value in sort order)
        {(key is null ? "# key: customer_id" : $"key: {key}")}       # an entity key column, never used as a feature

        datasets:
          train:
            source: {source}     # path relative to this file
            header: true
            # delimiter: ","
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

        promotion:               # a candidate becomes champion only if it passes every gate
          metric: auc
          min_value: 0.6
          min_gain_over_baseline: 0.01
          min_gain_over_champion: 0.0

        monitoring:
          p_value: 0.05
          distance_threshold: 0.1
          correction: bonferroni
          retrain_drift_share: 0.1
          min_rows: 100

        """;
}
