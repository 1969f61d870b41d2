using Recur.Cli;

var parse = RecurCli.Build().Parse(args);
if (parse.Errors.Count > 0)
{
    // A usage mistake: one line naming it, not a page of help.
    Console.Error.WriteLine($"error: {UsageError.Describe(parse)}");
    return CommandContext.Usage;
}
return await parse.InvokeAsync();
