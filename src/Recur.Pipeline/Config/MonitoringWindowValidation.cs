using Recur.Core;
using Recur.Core.Project;
using Recur.Monitoring.Incremental;

namespace Recur.Pipeline.Config;

/// <summary>Load-time check of <c>monitoring.window</c>, so a window that cannot be parsed fails when recur.yaml loads.</summary>
internal static class MonitoringWindowValidation
{
    public static void Validate(MonitoringConfig m)
    {
        try
        {
            MonitoringWindow.Parse(m.Window, "monitoring.window");
        }
        catch (RecurException e)
        {
            throw RecurException.Invalid($"recur.yaml: {e.Message}", "monitoring.window");
        }
    }
}
