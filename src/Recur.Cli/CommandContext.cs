using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Recur.Core;
using Recur.Pipeline;
using Spectre.Console;

namespace Recur.Cli;

/// <summary>
/// What a command's action gets: its parse result, the output mode, and the project. Runs the action
/// so that every failure becomes one line on stderr and a non-zero exit code.
/// </summary>
public sealed class CommandContext(ParseResult parse) : IAsyncDisposable
{
    private ServiceProvider? _services;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Exit code for a caller's mistake or a missing thing.</summary>
    public const int Failed = 1;

    /// <summary>Exit code for a usage mistake (unknown option, missing argument).</summary>
    public const int Usage = 2;

    /// <summary>Exit code for an unexpected failure (a bug); set RECUR_DEBUG=1 for the stack trace.</summary>
    public const int Unexpected = 70;

    /// <summary>The parse result.</summary>
    public ParseResult Parse { get; } = parse;

    /// <summary>Whether --json was given.</summary>
    public bool Json => Parse.GetValue(RecurCli.Json);

    /// <summary>The --project folder.</summary>
    public string ProjectDir => Parse.GetValue(RecurCli.Project) ?? ".";

    /// <summary>People-facing output: stdout normally, stderr under --json so stdout stays pure JSON.</summary>
    public IAnsiConsole Human { get; } = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(parse.GetValue(RecurCli.Json) ? Console.Error : Console.Out),
    });

    /// <summary>The --store override of recur.yaml's storage: URI; null when not given.</summary>
    public string? Store => Parse.GetValue(RecurCli.Store);

    /// <summary>
    /// The log level asked for: RECUR_LOG_LEVEL if set, else Information under --verbose, else
    /// <paramref name="fallback"/>. Logs go to stderr only.
    /// </summary>
    public LogLevel LogLevelOr(LogLevel fallback) => CliLogging.Level(Parse.GetValue(RecurCli.Verbose), fallback);

    /// <summary>
    /// Opens the project named by --project, composed by the composition root (the same as the server's),
    /// with logs on stderr from Warning up (see <see cref="LogLevelOr"/>).
    /// </summary>
    public RecurProject OpenProject()
    {
        _services ??= new ServiceCollection()
            .AddRecur(ProjectDir, TimeProvider.System, Store)
            .AddLogging(b => CliLogging.Configure(b, LogLevelOr(LogLevel.Warning)))
            .BuildServiceProvider();
        return _services.GetRequiredService<RecurProject>();
    }

    /// <summary>Stops the project's services: drains the prediction-log writer and flushes the logs.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
        _services = null;
    }

    /// <summary>A progress line on stderr.</summary>
    public void Progress(string message) => Console.Error.WriteLine(message);

    /// <summary>Writes the JSON result document on stdout.</summary>
    public void WriteJson(object value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, JsonOptions));

    /// <summary>Serialises for embedding.</summary>
    public static string ToJson(object value) => JsonSerializer.Serialize(value, JsonOptions);

    /// <summary>Runs an action, mapping failures to a one-line cause and exit code 1.</summary>
    public static async Task<int> RunAsync(ParseResult parse, Func<CommandContext, Task<int>> action)
    {
        await using var context = new CommandContext(parse);
        try
        {
            return await action(context);
        }
        catch (RecurException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return Failed;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return Failed;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A bug, not the caller's mistake: still one line, with the stack only when asked for.
            await Console.Error.WriteLineAsync($"error: unexpected {e.GetType().Name}: {e.Message.Split('\n')[0]}");
            if (Environment.GetEnvironmentVariable("RECUR_DEBUG") is "1") await Console.Error.WriteLineAsync(e.ToString());
            return Unexpected;
        }
    }
}
