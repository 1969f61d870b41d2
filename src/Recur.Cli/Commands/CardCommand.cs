using System.CommandLine;
using Recur.Pipeline.Steps;

namespace Recur.Cli.Commands;

/// <summary><c>recur card [MODEL]</c>: a registered version's model card, as HTML and JSON.</summary>
internal static class CardCommand
{
    public static Command Create()
    {
        var model = new Argument<string?>("model") { Description = "A version number, an alias, NAME@ALIAS or NAME:VERSION (default: the champion)", Arity = ArgumentArity.ZeroOrOne };
        var data = new Option<string?>("--data") { Description = "Evaluate on this CSV file, dataset or snapshot (default: as recur eval)" };
        var command = new Command("card", "Write a registered version's model card (intended use, data, metrics with intervals, limits, policy, lineage) as HTML and JSON") { model, data };
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var project = ctx.OpenProject();
            var v = await ModelReference.ResolveAsync(project, parse.GetValue(model), null, ct);
            var card = await ModelCardStep.WriteAsync(project, v, parse.GetValue(data), ct);
            if (ctx.Json)
            {
                ctx.WriteJson(card);
                return 0;
            }
            ctx.Human.WriteLine($"model card of {card.Model} v{card.Version} ({card.Task}): {card.Limitations.Count} limitations, evaluated on the {card.EvaluatedOn}");
            ctx.Human.WriteLine($"html: {card.Html}");
            ctx.Human.WriteLine($"json: {card.Json}");
            return 0;
        }));
        return command;
    }
}
