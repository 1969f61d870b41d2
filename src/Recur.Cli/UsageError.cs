using System.CommandLine;

namespace Recur.Cli;

/// <summary>The one line printed for a usage mistake; an unknown command also lists the commands there are.</summary>
public static class UsageError
{
    /// <summary>The line for a parse that has errors.</summary>
    public static string Describe(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var token = parse.UnmatchedTokens.FirstOrDefault();
        var commands = command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToList();
        var path = string.Join(' ', Path(parse.CommandResult));
        if (token is not null && !token.StartsWith('-') && commands.Count > 0)
        {
            return $"unknown command '{token}'; {path} has: {string.Join(", ", commands)} (add --help for usage)";
        }
        // An unknown option is a better first line than the missing command it leaves behind.
        var error = parse.Errors.FirstOrDefault(e => token is not null && e.Message.Contains(token, StringComparison.Ordinal)) ?? parse.Errors[0];
        if (token is null && commands.Count > 0 && command.Action is null)
        {
            return $"no command given; {path} has: {string.Join(", ", commands)} (add --help for usage)";
        }
        return $"{error.Message} (add --help for usage)";
    }

    // "recur", "recur data", ...: the commands from the root to the one parsed.
    private static IEnumerable<string> Path(System.CommandLine.Parsing.CommandResult result)
    {
        var names = new Stack<string>();
        for (var r = result; r is not null; r = r.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Push(r.Command is RootCommand ? "recur" : r.Command.Name);
        }
        return names;
    }
}
