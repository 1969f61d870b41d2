using Recur.Core;
using Recur.Core.Project;
using Recur.Core.Security;

namespace Recur.Pipeline.Config;

/// <summary>Load-time check of <c>serving.auth</c>, <c>serving.log_format</c> and <c>serving.store_down_at_start</c>, naming the line.</summary>
internal static class ServingAccessValidation
{
    private static readonly string[] LogFormats = ["text", "json"];
    private static readonly string[] StoreDownModes = ["fail", "listen"];

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
        if (!StoreDownModes.Contains(config.Serving.StoreDownAtStart, StringComparer.OrdinalIgnoreCase))
        {
            throw RecurException.Invalid($"recur.yaml: {Where(text, "store_down_at_start")}serving.store_down_at_start: '{config.Serving.StoreDownAtStart}' is not a choice (choices: {string.Join(", ", StoreDownModes)})", "serving.store_down_at_start");
        }
    }

    private static string Where(string text, string key) =>
        YamlBinder.Locate(text, "serving", key) is { } mark ? $"line {mark.Line}, column {mark.Column}: " : "";
}
