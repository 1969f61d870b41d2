using Microsoft.Extensions.Hosting;
using Recur.Pipeline;
using Recur.Pipeline.Loop;

namespace Recur.Server.Loop;

/// <summary>
/// The automatic loop in the background of <c>recur serve</c>, when recur.yaml says <c>loop.enabled: true</c>; it starts
/// once the server has (a server listening before its store answered waits for it).
/// </summary>
internal sealed class LoopBackgroundService(RecurProject project, Observability.StoreStartup startup) : BackgroundService
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        project.Config.Loop.Enabled ? Task.Run(async () =>
        {
            await startup.Ready.WaitAsync(stoppingToken);
            await new LoopRunner(project).RunAsync(stoppingToken);
        }, stoppingToken) : Task.CompletedTask;
}
