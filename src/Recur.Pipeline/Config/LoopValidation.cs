using System.Globalization;
using Recur.Core;
using Recur.Core.Project;

namespace Recur.Pipeline.Config;

/// <summary>
/// Load-time checks of <c>loop:</c>; errors name the key and its line. A policy that could retrain in a loop is refused
/// here (a schedule shorter than <c>min_interval</c>, no rate limit), and throttled at run time by the rate limit.
/// </summary>
internal static class LoopValidation
{
    public static void Validate(LoopConfig loop, string text)
    {
        Duration(loop.Interval, "loop.interval", text);
        var minInterval = Duration(loop.MinInterval, "loop.min_interval", text);
        if (loop.MaxPerDay is < 1 or > 1000) throw Error(text, "loop.max_per_day", $"loop.max_per_day must be 1 to 1000, not {loop.MaxPerDay}");
        if (loop.Triggers.Drift?.Share is { } share && share is not (> 0 and <= 1))
        {
            throw Error(text, "loop.triggers.drift.share", $"loop.triggers.drift.share must be in (0, 1], not {F(share)}");
        }
        foreach (var (name, trigger) in new[] { ("live_drop", loop.Triggers.LiveDrop), ("estimated_drop", loop.Triggers.EstimatedDrop) })
        {
            if (trigger is null) continue;
            if (trigger.Tolerance < 0) throw Error(text, $"loop.triggers.{name}.tolerance", $"loop.triggers.{name}.tolerance must be 0 or more, not {F(trigger.Tolerance)}");
            if (trigger.MinRows < 1) throw Error(text, $"loop.triggers.{name}.min_rows", $"loop.triggers.{name}.min_rows must be at least 1, not {trigger.MinRows}");
        }
        if (loop.Triggers.Schedule is { } schedule && Duration(schedule.Every, "loop.triggers.schedule.every", text) < minInterval)
        {
            throw Error(text, "loop.triggers.schedule.every",
                $"loop.triggers.schedule.every '{schedule.Every}' is shorter than loop.min_interval '{loop.MinInterval}': the schedule would ask for a retrain at every chance (a retrain loop); make it at least the minimum interval");
        }
        if (loop.Triggers.NewLabels is { Rows: < 1 } labels) throw Error(text, "loop.triggers.new_labels.rows", $"loop.triggers.new_labels.rows must be at least 1, not {labels.Rows}");
        Canary(loop.Canary, text);
        if (loop.RetrainIn is not ("process" or "worker")) throw Error(text, "loop.retrain_in", $"loop.retrain_in must be process or worker, not '{loop.RetrainIn}'");
        if (loop.LeaseSeconds is < 1 or > 86_400) throw Error(text, "loop.lease_seconds", $"loop.lease_seconds must be 1 to 86400, not {loop.LeaseSeconds}");
        LoopRetrainValidation.Validate(loop.Retrain, text);
        for (var i = 0; i < loop.Alerts.Webhooks.Count; i++)
        {
            var hook = loop.Alerts.Webhooks[i];
            var at = $"loop.alerts.webhooks[{i}]";
            if (!Uri.TryCreate(hook.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")) throw Error(text, $"{at}.url", $"{at}.url '{hook.Url}' must be an absolute http:// or https:// URL");
            if (hook.SecretEnv.Length > 0 && !hook.SecretEnv.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')) throw Error(text, $"{at}.secret_env", $"{at}.secret_env '{hook.SecretEnv}' must name an environment variable, not hold the secret");
            if (hook.Attempts is < 1 or > 10) throw Error(text, $"{at}.attempts", $"{at}.attempts must be 1 to 10, not {hook.Attempts}");
            if (hook.TimeoutSeconds is < 1 or > 60) throw Error(text, $"{at}.timeout_seconds", $"{at}.timeout_seconds must be 1 to 60, not {hook.TimeoutSeconds}");
        }
    }

    private static void Canary(CanaryConfig canary, string text)
    {
        if (canary.Weight is not (> 0 and < 100)) throw Error(text, "loop.canary.weight", $"loop.canary.weight must be a percentage between 0 and 100 (exclusive), not {F(canary.Weight)}");
        if (canary.Duration.Length > 0) Duration(canary.Duration, "loop.canary.duration", text);
        if (canary.Requests is < 1) throw Error(text, "loop.canary.requests", $"loop.canary.requests must be at least 1, not {canary.Requests}");
        if (canary.Duration.Length == 0 && canary.Requests is null)
        {
            throw Error(text, "loop.canary.duration", "loop.canary: declare a duration, a request count (requests), or both; otherwise the canary never ends");
        }
        if (canary.MinLabelled < 2) throw Error(text, "loop.canary.min_labelled", $"loop.canary.min_labelled must be at least 2 (a variance needs two rows), not {canary.MinLabelled}");
        if (canary.Tolerance < 0) throw Error(text, "loop.canary.tolerance", $"loop.canary.tolerance must be 0 or more, not {F(canary.Tolerance)}");
        if (canary.OnInsufficient is not ("rollback" or "extend"))
        {
            throw Error(text, "loop.canary.on_insufficient", $"loop.canary.on_insufficient must be rollback or extend, not '{canary.OnInsufficient}'");
        }
    }

    private static TimeSpan Duration(string value, string key, string text) =>
        LoopDuration.TryParse(value) ?? throw Error(text, key, $"{key} '{value}' is not a duration (a whole number and s, m, h or d: 90s, 5m, 2h, 7d)");

    private static string F(double v) => v.ToString(CultureInfo.InvariantCulture);

    private static RecurException Error(string text, string key, string message) => ConfigLocation.AtLine(RecurException.Invalid("recur.yaml: " + message, key), text);
}
