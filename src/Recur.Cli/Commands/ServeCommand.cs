using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Recur.Server;

namespace Recur.Cli.Commands;

/// <summary><c>recur serve</c>: the REST server until Ctrl+C.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var host = new Option<string>("--host") { Description = "Address to bind", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<int>("--port") { Description = "Port (0 picks a free one)", DefaultValueFactory = _ => 8080 };
        var command = new Command("serve", "Serve predictions, feedback and the registry over HTTP") { host, port };
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var project = ctx.OpenProject();
            await using var app = RecurServer.Create(project, $"http://{parse.GetValue(host)}:{parse.GetValue(port)}", LogLevel.Information);
            await app.StartAsync(ct);
            var address = RecurServer.Address(app);
            if (ctx.Json) ctx.WriteJson(new { listening = address, model = project.Config.Name, openapi = address + "/openapi/v1.json" });
            else ctx.Human.WriteLine($"Serving '{project.Config.Name}' on {address} (OpenAPI: {address}/openapi/v1.json). Ctrl+C stops.");
            await Console.Out.FlushAsync(ct);
            await app.WaitForShutdownAsync(ct);
            return 0;
        }));
        return command;
    }
}
