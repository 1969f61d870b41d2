using Recur.Core.Project;
using Recur.Features.Windows;

namespace Recur.Pipeline.Config;

/// <summary>
/// Load-time checks of <c>features.windows:</c> (compiling the plan: time column, aggregates, lengths, hop, bounds).
/// Which columns exist is checked when the data is first read. Errors name the key and its line.
/// </summary>
internal static class WindowsValidation
{
    public static void Validate(ProjectConfig config, string text)
    {
        if (config.Features.Windows is not { } windows) return;
        try
        {
            WindowPlan.Compile(windows);
        }
        catch (Core.RecurException e)
        {
            throw ConfigLocation.AtLine(Core.RecurException.Invalid("recur.yaml: " + e.Message, e.Field), text);
        }
    }
}
