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
        ProjectConfig config;
        try
        {
            config = YamlBinder.Bind<ProjectConfig>(System.Text.Encoding.UTF8.GetString(bytes));
        }
        catch (YamlBindException e)
        {
            throw RecurException.Invalid($"recur.yaml: line {e.Start.Line}, column {e.Start.Column}: {e.Message}", "recur.yaml");
        }
        catch (YamlException e)
        {
            var cause = e.InnerException?.Message ?? e.Message;
            throw RecurException.Invalid($"recur.yaml: line {e.Start.Line}, column {e.Start.Column}: {FirstLine(cause)}", "recur.yaml");
        }
        Validate(config);
        return (config, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    private static void Validate(ProjectConfig c)
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
        foreach (var (name, dataset) in c.Datasets)
        {
            if (string.IsNullOrWhiteSpace(dataset.Source)) throw RecurException.Invalid($"recur.yaml: datasets.{name}.source is required", $"datasets.{name}.source");
        }
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
