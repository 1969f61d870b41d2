using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Recur.Pipeline;
using Recur.Server;
using Recur.Serving.Log;

namespace Recur.Cli.Commands;

/// <summary><c>recur serve</c>: the REST server until Ctrl+C.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var host = new Option<string>("--host") { Description = "Address to bind", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<int>("--port") { Description = "Port (0 picks a free one)", DefaultValueFactory = _ => 8080 };
        var logFormat = new Option<string?>("--log-format") { Description = "Log lines on stderr as text or json (one object a line, with request ids); default: serving.log_format" };
        var command = new Command("serve", "Serve predictions, feedback and the registry over HTTP") { host, port, logFormat };
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            await using var app = RecurServer.Create(ctx.ProjectDir, $"http://{parse.GetValue(host)}:{parse.GetValue(port)}", ctx.LogLevelOr(LogLevel.Information), store: ctx.Store,
                logFormat: parse.GetValue(logFormat));
            var project = app.Services.GetRequiredService<RecurProject>();
            await app.StartAsync(ct);
            var address = RecurServer.Address(app);
            if (ctx.Json) ctx.WriteJson(new { listening = address, model = project.Config.Name, openapi = address + "/openapi/v1.json" });
            else ctx.Human.WriteLine($"Serving '{project.Config.Name}' on {address} (OpenAPI: {address}/openapi/v1.json). Ctrl+C stops.");
            await Console.Out.FlushAsync(ct);
            await app.WaitForShutdownAsync(ct);
            // serving.store_down_at_start: listen, and what the store said once it answered cannot be mended by waiting.
            if (RecurServer.StartFailure(app) is { } failure) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
            // Lost log writes are logged as they happen and reported by /healthz; say so once more on the way out.
            var log = app.Services.GetRequiredService<PredictionLogWriter>();
            await log.FlushAsync();
            if (log.Failures > 0) ctx.Progress($"warning: {log.Failures} batch(es) of predictions could not be written to the prediction log (the causes are logged above)");
            return 0;
        }));
        return command;
    }
}
