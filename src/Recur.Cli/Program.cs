using Recur.Cli;

var parse = RecurCli.Build().Parse(args);
if (parse.Errors.Count > 0)
{
    // A usage mistake: one line naming it, not a page of help.
    Console.Error.WriteLine($"error: {parse.Errors[0].Message} (add --help for usage)");
    return CommandContext.Usage;
}
return await parse.InvokeAsync();
