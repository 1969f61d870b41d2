using System.CommandLine;
using Recur.Cli.Init;
using Recur.Core;
using Recur.Pipeline;
using Recur.Pipeline.Config;

namespace Recur.Cli.Commands;

/// <summary>
/// <c>recur init [--source FILE --label COL]</c>: a project — a commented recur.yaml and the .recur/ folder.
/// With a source, the file is read first (delimiter, header, types), the label is checked and the task it
/// implies is shown; the written file is loaded back before it is put in place, so it always round-trips.
/// </summary>
internal static class InitCommand
{
    public static Command Create()
    {
        var source = new Option<string?>("--source") { Description = "A data file (csv, tsv, jsonl, parquet) to declare as the 'train' dataset; it is read to find the columns" };
        var label = new Option<string?>("--label") { Description = "The column to predict (checked against the source's columns)" };
        var key = new Option<string?>("--key") { Description = "An entity key column: passed through predictions, never a feature" };
        var name = new Option<string>("--name") { Description = "The model's name", DefaultValueFactory = _ => "model" };
        var command = new Command("init", "Create a project: a commented recur.yaml and the .recur/ state folder") { source, label, key, name };
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var dir = Path.GetFullPath(ctx.ProjectDir);
            var file = Path.Combine(dir, RecurProject.FileName);
            if (File.Exists(file)) throw RecurException.Invalid($"{file} already exists; not overwriting it", "project");
            var (src, labelName, keyName) = (parse.GetValue(source), parse.GetValue(label), parse.GetValue(key));
            var survey = src is null ? null : await SourceSurvey.ReadAsync(Path.GetFullPath(src), ct);
            var task = survey is null || labelName is null ? null : LabelTask.Of(survey.Table[Column(survey, labelName, "--label", src!)]);
            if (survey is not null && keyName is not null) Column(survey, keyName, "--key", src!);

            var relative = src is null ? "data/train.csv" : Path.GetRelativePath(dir, Path.GetFullPath(src)).Replace('\\', '/');
            var text = ProjectTemplate.Render(parse.GetValue(name)!, relative, labelName ?? (survey is null ? "label" : null), keyName, survey, task);
            Directory.CreateDirectory(dir);
            WriteChecked(file, text, labelName ?? (survey is null ? "label" : ""));
            Directory.CreateDirectory(Path.Combine(dir, ".recur"));

            if (ctx.Json)
            {
                ctx.WriteJson(new
                {
                    project = dir, config = file,
                    source = survey is null ? null : new { path = relative, survey.Format, survey.Delimiter, survey.Header, rows = survey.Table.RowCount, survey.Sampled, survey.Columns },
                    label = labelName, task,
                });
                return 0;
            }
            if (survey is not null) Describe(ctx, src!, survey, labelName, task);
            ctx.Human.MarkupLine($"Created [bold]{Spectre.Console.Markup.Escape(file)}[/]. Review it, then run: recur ingest train");
            return 0;
        }));
        return command;
    }

    // The column's name as the file spells it; a one-line error listing the columns otherwise.
    private static string Column(SourceSurvey survey, string wanted, string option, string src)
    {
        if (survey.Table.Has(wanted)) return wanted;
        var header = survey.Header ? "" : " (the file has no header row, so columns are numbered)";
        throw RecurException.Invalid($"{option} '{wanted}' is not a column of {src}{header}; its columns: {string.Join(", ", survey.Columns.Select(c => c.Name))}", option);
    }

    // Loads the file back before it takes the name recur.yaml: what init writes, the project loader reads as meant.
    private static void WriteChecked(string file, string text, string label)
    {
        var temporary = file + ".tmp";
        File.WriteAllText(temporary, text);
        try
        {
            var (config, _) = ProjectConfigLoader.Load(temporary);
            if (config.Label != label) throw new InvalidOperationException($"recur.yaml would read label '{config.Label}', not '{label}'");
            File.Move(temporary, file);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static void Describe(CommandContext ctx, string src, SourceSurvey survey, string? label, LabelTask? task)
    {
        var shape = survey.Delimiter is null ? survey.Format : $"{survey.Format}, delimiter {survey.DelimiterShown}, {(survey.Header ? "header row" : "no header row")}";
        ctx.Human.WriteLine($"Read {src}: {shape}; {survey.RowsRead}, {survey.Columns.Count} columns");
        var columns = Tables.Of("column", "type", "role", "distinct", "missing");
        foreach (var c in survey.Columns) columns.Row(c.Name == label ? $"{c.Name} (label)" : c.Name, c.Type, c.Role, c.Distinct, c.Missing);
        ctx.Human.Write(columns);
        if (task is null) ctx.Human.WriteLine("No --label given: set 'label:' in recur.yaml to the column to predict.");
        else ctx.Human.WriteLine($"Label '{label}': {task.Summary}");
    }
}
