using Recur.Core;
using Recur.Core.Project;
using Recur.Pipeline.Storage;

namespace Recur.Pipeline.Config;

/// <summary>Load-time check of recur.yaml's <c>storage:</c> URI: a scheme the build has, with a location it accepts.</summary>
internal static class StorageValidation
{
    public static void Validate(ProjectConfig config, string text)
    {
        try
        {
            StorageBackends.Resolve(StorageUri.Parse(config.Storage, "storage"), "storage");
        }
        catch (RecurException e)
        {
            var where = YamlBinder.Locate(text, "storage") is { } mark ? $"line {mark.Line}, column {mark.Column}: " : "";
            throw RecurException.Invalid($"recur.yaml: {where}{e.Message}", "storage");
        }
    }
}
