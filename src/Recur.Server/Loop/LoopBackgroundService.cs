using Microsoft.Extensions.Hosting;
using Recur.Pipeline;
using Recur.Pipeline.Loop;

namespace Recur.Server.Loop;

/// <summary>The automatic loop in the background of <c>recur serve</c>, when recur.yaml says <c>loop.enabled: true</c>.</summary>
internal sealed class LoopBackgroundService(RecurProject project) : BackgroundService
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        project.Config.Loop.Enabled ? Task.Run(() => new LoopRunner(project).RunAsync(stoppingToken), stoppingToken) : Task.CompletedTask;
}
