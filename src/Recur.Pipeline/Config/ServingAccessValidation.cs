using Recur.Core;
using Recur.Core.Project;
using Recur.Core.Security;

namespace Recur.Pipeline.Config;

/// <summary>Load-time check of <c>serving.auth</c> and <c>serving.log_format</c>, naming the line.</summary>
internal static class ServingAccessValidation
{
    private static readonly string[] LogFormats = ["text", "json"];

    public static void Validate(ProjectConfig config, string text)
    {
        if (!AuthModes.ByName.ContainsKey(config.Serving.Auth))
        {
            throw RecurException.Invalid($"recur.yaml: {Where(text, "auth")}serving.auth: '{config.Serving.Auth}' is not a mode (modes: {string.Join(", ", AuthModes.ByName.Keys)})", "serving.auth");
        }
        if (!LogFormats.Contains(config.Serving.LogFormat, StringComparer.OrdinalIgnoreCase))
        {
            throw RecurException.Invalid($"recur.yaml: {Where(text, "log_format")}serving.log_format: '{config.Serving.LogFormat}' is not a format (formats: {string.Join(", ", LogFormats)})", "serving.log_format");
        }
    }

    private static string Where(string text, string key) =>
        YamlBinder.Locate(text, "serving", key) is { } mark ? $"line {mark.Line}, column {mark.Column}: " : "";
}
