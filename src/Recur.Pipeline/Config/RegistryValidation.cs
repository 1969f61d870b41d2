using Recur.Core;
using Recur.Core.Project;
using Recur.Core.Registry;

namespace Recur.Pipeline.Config;

/// <summary>Load-time checks of <c>registry.webhooks</c>; errors name the key and its line.</summary>
internal static class RegistryValidation
{
    public static void Validate(RegistryConfig config, string text)
    {
        for (var i = 0; i < config.Webhooks.Count; i++)
        {
            var hook = config.Webhooks[i];
            var at = $"registry.webhooks[{i}]";
            if (!Uri.TryCreate(hook.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                throw Error(text, $"{at}.url", $"{at}.url '{hook.Url}' must be an absolute http:// or https:// URL");
            }
            for (var e = 0; e < hook.Events.Count; e++)
            {
                if (!RegistryEventKinds.All.Contains(hook.Events[e]))
                {
                    throw Error(text, $"{at}.events[{e}]", $"{at}.events: '{hook.Events[e]}' is not an event (one of: {string.Join(", ", RegistryEventKinds.All)})");
                }
            }
            if (hook.SecretEnv.Length > 0 && !hook.SecretEnv.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                throw Error(text, $"{at}.secret_env", $"{at}.secret_env '{hook.SecretEnv}' must name an environment variable (letters, digits, '_'), not hold the secret");
            }
            if (hook.Attempts is < 1 or > 10) throw Error(text, $"{at}.attempts", $"{at}.attempts must be 1 to 10, not {hook.Attempts}");
            if (hook.TimeoutSeconds is < 1 or > 60) throw Error(text, $"{at}.timeout_seconds", $"{at}.timeout_seconds must be 1 to 60, not {hook.TimeoutSeconds}");
        }
    }

    private static RecurException Error(string text, string key, string message) => ConfigLocation.AtLine(RecurException.Invalid("recur.yaml: " + message, key), text);
}
