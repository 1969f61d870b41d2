using System.Security.Cryptography;
using Recur.Core;
using Recur.Core.Project;
using YamlDotNet.Core;

namespace Recur.Pipeline.Config;

/// <summary>Reads recur.yaml; unknown keys and wrong types are errors that name the line and column.</summary>
public static class ProjectConfigLoader
{
    /// <summary>Loads and validates a project file; also returns the SHA-256 of its bytes for lineage.</summary>
    public static (ProjectConfig Config, string Hash) Load(string path)
    {
        if (!File.Exists(path)) throw RecurException.Invalid($"{path}: no recur.yaml here (run 'recur init' first, or pass --project)", "project");
        var bytes = File.ReadAllBytes(path);
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        var config = Bind(text, "recur.yaml");
        try
        {
            Validate(config, text, Path.GetDirectoryName(Path.GetFullPath(path))!);
        }
        catch (RecurException e)
        {
            throw ConfigLocation.AtLine(e, text);
        }
        return (config, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    /// <summary>
    /// Binds a project document's text (recur.yaml, or an overlay merged over it by <c>recur experiment</c>); unknown keys and
    /// wrong types are errors naming <paramref name="file"/>, the line and the column. Nothing is validated.
    /// </summary>
    public static ProjectConfig Bind(string text, string file)
    {
        try
        {
            return YamlBinder.Bind<ProjectConfig>(text);
        }
        catch (YamlBindException e)
        {
            throw RecurException.Invalid($"{file}: line {e.Start.Line}, column {e.Start.Column}: {e.Message}", file);
        }
        catch (YamlException e)
        {
            var cause = e.InnerException?.Message ?? e.Message;
            throw RecurException.Invalid($"{file}: line {e.Start.Line}, column {e.Start.Column}: {FirstLine(cause)}", file);
        }
    }

    /// <summary>
    /// Validates a bound project document as <see cref="Load"/> does, but leaves the error's position to the caller (an
    /// overlay's errors name the overlay file's line when the key is there): the error names its key in <see cref="RecurException.Field"/>.
    /// </summary>
    public static void ValidateUnlocated(ProjectConfig config, string text, string root) => Validate(config, text, root);

    private static void Validate(ProjectConfig c, string text, string root)
    {
        if (string.IsNullOrWhiteSpace(c.Name) || c.Name.Any(ch => !(char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.')))
        {
            throw RecurException.Invalid($"recur.yaml: name '{c.Name}' must be letters, digits, '-', '_' or '.'", "name");
        }
        if (c.Evaluation.Threshold is < 0 or > 1) throw RecurException.Invalid("recur.yaml: evaluation.threshold must be in [0, 1]", "evaluation.threshold");
        if (c.Validation.MaxAnomalyShare is not (>= 0 and <= 1))
        {
            throw RecurException.Invalid($"recur.yaml: validation.max_anomaly_share must be in [0, 1] (a share of rows, e.g. 0.01), not {c.Validation.MaxAnomalyShare.ToString(System.Globalization.CultureInfo.InvariantCulture)}", "validation.max_anomaly_share");
        }
        if (c.Split.Validation is <= 0 or >= 1) throw RecurException.Invalid("recur.yaml: split.validation must be between 0 and 1", "split.validation");
        if (c.Task.Length > 0 && !Core.Modeling.ModelTasks.ByName.ContainsKey(c.Task))
        {
            throw RecurException.Invalid($"recur.yaml: task '{c.Task}' is not a task (expected one of: {string.Join(", ", Core.Modeling.ModelTasks.ByName.Keys)})", "task");
        }
        if (c.MaxClasses < 3) throw RecurException.Invalid("recur.yaml: max_classes must be at least 3", "max_classes");
        if (c.Task is "regression" && c.Positive.Length > 0) throw RecurException.Invalid("recur.yaml: 'positive' is for binary classification, but task is regression", "positive");
        if (c.Promotion.Significance is < 0 or >= 0.5) throw RecurException.Invalid("recur.yaml: promotion.significance must be in [0, 0.5) (0 turns the check off)", "promotion.significance");
        if (c.Task is "multiclass" && c.Positive.Length > 0) throw RecurException.Invalid("recur.yaml: 'positive' is for binary classification, but task is multiclass", "positive");
        // framing.multilabel sets the task (and the label when none is named), so it runs before the task's checks below.
        MultilabelValidation.Validate(c, text);
        PromotionMetric(c);
        MonitoringValidation.Validate(c.Monitoring);
        MonitoringWindowValidation.Validate(c.Monitoring);
        DecisionValidation.Validate(c.Decision);
        BacktestValidation.Validate(c.Evaluation.Backtest);
        LearningCurveValidation.Validate(c.Evaluation.LearningCurve);
        RobustnessValidation.Validate(c);
        SurrogateValidation.Validate(c.Training.Surrogate);
        RebalanceValidation.Validate(c);
        if (c.Serving.MaxBodyBytes < 1024) throw RecurException.Invalid("recur.yaml: serving.max_body_bytes must be at least 1024", "serving.max_body_bytes");
        if (c.Serving.StoreWaitSeconds is < 0 or > 3600 or double.NaN) throw RecurException.Invalid("recur.yaml: serving.store_wait_seconds must be in [0, 3600]", "serving.store_wait_seconds");
        if (c.Serving.MaxKeyLength < 1) throw RecurException.Invalid("recur.yaml: serving.max_key_length must be at least 1", "serving.max_key_length");
        if (c.Serving.PublishedMaxAge is < 0 or double.NaN) throw RecurException.Invalid("recur.yaml: serving.published_max_age must be 0 or more seconds", "serving.published_max_age");
        if (c.Serving.MaxTextLength < 1) throw RecurException.Invalid("recur.yaml: serving.max_text_length must be at least 1", "serving.max_text_length");
        if (c.Serving.AllowedHosts.FirstOrDefault(h => string.IsNullOrWhiteSpace(h) || h.Any(ch => ch is '/' or ' ' or '@')) is { } host)
        {
            throw RecurException.Invalid($"recur.yaml: serving.allowed_hosts: '{host}' is not a host name", "serving.allowed_hosts");
        }
        Serving.Routing.RouteRules.Compile(c.Serving.Routes, c.Name);
        ServingAccessValidation.Validate(c, text);
        ServingLogValidation.Validate(c.Serving.Log);
        FeaturesValidation.Validate(c.Features, new ProjectLayout(root));
        TrainingValidation.Validate(c, text);
        FairnessValidation.Validate(c, text);
        FeedbackValidation.Validate(c, text);
        RegistryValidation.Validate(c.Registry, text);
        LoopValidation.Validate(c.Loop, text);
        StorageValidation.Validate(c, text);
        SafeguardsValidation.Validate(c, text);
        WindowsValidation.Validate(c, text);
        CascadeValidation.Validate(c.Framing.Cascade, text);
        NeutralValidation.Validate(c, text);
        OverfitValidation.Validate(c, text);
        ReframeValidation.Validate(c.Framing.Reframe, text);
        EnsembleValidation.Validate(c, text);
        SearchValidation.Validate(c, text);
        ExperimentValidation.Validate(c, text, root);
        TransferValidation.Validate(c, text, root);
        PipelineValidation.Validate(c, text);
        foreach (var (name, dataset) in c.Datasets)
        {
            if (string.IsNullOrWhiteSpace(dataset.Source)) throw RecurException.Invalid($"recur.yaml: datasets.{name}.source is required", $"datasets.{name}.source");
            if (!QuoteSetting.TryParse(dataset.Quote, out _))
            {
                var at = YamlBinder.Locate(text, "datasets", name, "quote") is { } mark ? $"line {mark.Line}, column {mark.Column}: " : "";
                throw RecurException.Invalid($"recur.yaml: {at}datasets.{name}.quote: {QuoteSetting.Problem(dataset.Quote)}", $"datasets.{name}.quote");
            }
        }
    }

    // With task: declared, the metric must be one of that task's; without, one of some task's (the task the
    // label implies is checked against it when training first reads the data).
    private static void PromotionMetric(ProjectConfig c)
    {
        var metric = c.Promotion.Metric;
        if (metric.Length == 0) return;
        if (c.Task.Length > 0)
        {
            var task = Core.Modeling.ModelTasks.ByName[c.Task];
            if (!Steps.TaskScoring.MetricNames(task).Contains(metric))
            {
                throw RecurException.Invalid($"recur.yaml: promotion.metric '{metric}' is not a {c.Task} metric (one of: {string.Join(", ", Steps.TaskScoring.MetricNames(task))})", "promotion.metric");
            }
            return;
        }
        var all = Core.Modeling.ModelTasks.ByName.Values.SelectMany(Steps.TaskScoring.MetricNames).Distinct().ToList();
        if (!all.Contains(metric)) throw RecurException.Invalid($"recur.yaml: promotion.metric '{metric}' is not a metric of any task (one of: {string.Join(", ", all)})", "promotion.metric");
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
