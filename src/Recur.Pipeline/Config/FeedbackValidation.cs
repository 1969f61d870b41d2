using Recur.Core;
using Recur.Core.Project;

namespace Recur.Pipeline.Config;

/// <summary>Load-time checks of recur.yaml's <c>monitoring.feedback</c>; errors name the key and its line.</summary>
internal static class FeedbackValidation
{
    public static void Validate(ProjectConfig config, string text)
    {
        var f = config.Monitoring.Feedback;
        var late = Duration(text, "late_after", f.LateAfter);
        var expire = Duration(text, "expire_after", f.ExpireAfter);
        Duration(text, "skew_tolerance", f.SkewTolerance);
        if (expire < late) throw Error(text, "expire_after", $"monitoring.feedback.expire_after ({f.ExpireAfter}) must not be shorter than late_after ({f.LateAfter})");
        if (f.MinLabelled < 1) throw Error(text, "min_labelled", $"monitoring.feedback.min_labelled must be at least 1, not {f.MinLabelled}");
        foreach (var (key, value) in new[] { ("key_column", f.KeyColumn), ("label_column", f.LabelColumn), ("time_column", f.TimeColumn) })
        {
            if (string.IsNullOrWhiteSpace(value)) throw Error(text, key, $"monitoring.feedback.{key} must name a column");
        }
        if (f.Source is not null && string.IsNullOrWhiteSpace(f.Source)) throw Error(text, "source", "monitoring.feedback.source is empty (a folder or a glob such as data/feedback/*.csv)");
    }

    private static TimeSpan Duration(string text, string key, string value) =>
        DurationText.TryParse(value, out var problem) ?? throw Error(text, key, $"monitoring.feedback.{key}: {problem}");

    private static RecurException Error(string text, string key, string message) =>
        ConfigLocation.AtLine(RecurException.Invalid("recur.yaml: " + message, "monitoring.feedback." + key), text);
}
