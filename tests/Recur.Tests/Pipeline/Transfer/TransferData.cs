using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Core.Registry;
using Recur.Features;
using Recur.Pipeline.Transfer;
using Recur.Training;
using Recur.Training.Trainers;

namespace Recur.Tests.Pipeline.Transfer;

/// <summary>A small source model (TF-IDF of a review and a standardized number) and target rows, for the transfer tests.</summary>
internal static class TransferData
{
    private static readonly string[] Good = ["great phone works well", "love it great sound", "excellent battery great value", "works great love the screen"];
    private static readonly string[] Bad = ["terrible battery broke fast", "awful sound hate it", "broke after a week terrible", "waste of money awful screen"];

    /// <summary>Rows with a text column, a number and a positive/negative label; <paramref name="shift"/> moves the number.</summary>
    public static DataTable Rows(int count, double shift = 0, string text = "review") => new([
        new TextColumn(new ColumnSpec(text, ColumnType.Text), [.. Enumerable.Range(0, count).Select(i => i % 2 == 0 ? Good[i / 2 % Good.Length] : Bad[i / 2 % Bad.Length])]),
        new NumericColumn(new ColumnSpec("stars", ColumnType.Real), [.. Enumerable.Range(0, count).Select(i => shift + (i % 2 == 0 ? 4 : 2) + i % 3)]),
        new TextColumn(new ColumnSpec("label", ColumnType.Text), [.. Enumerable.Range(0, count).Select(i => i % 2 == 0 ? "positive" : "negative")]),
    ]);

    /// <summary>The project settings: binary, positive "positive", TF-IDF of the review and the number standardized.</summary>
    public static ProjectConfig Config(string text = "review")
    {
        var config = new ProjectConfig { Name = "source", Label = "label", Task = "binary", Positive = "positive" };
        config.Features.Transforms =
        [
            new TransformConfig { Transform = "tfidf", Columns = [text], Params = new() { ["min_df"] = "1" } },
            new TransformConfig { Transform = "standardize", Columns = ["stars"] },
        ];
        return config;
    }

    /// <summary>A source model fitted on <paramref name="rows"/>, as a loaded transfer source reusing <paramref name="reuse"/>.</summary>
    public static TransferSource Source(string reuse, DataTable? rows = null, ProjectConfig? config = null)
    {
        rows ??= Rows(40);
        config ??= Config();
        var plan = FeaturePlan.From(config, rows);
        var chain = FeatureEngineering.Fit(config.Features, plan, rows).Chain;
        var trainer = TrainerCatalog.Standard.Get("lbfgs", "training");
        var model = ModelFitter.Fit("source", rows, plan, new TrainerChoice(trainer, TrainerSettings.From(trainer, new Dictionary<string, string>(), "training"), "training"), 1, 0.5, 7, chain);
        var lineage = new ModelLineage(["s"], "c", "v", 7, "lbfgs", new Dictionary<string, string>());
        var version = new ModelVersion("source", 1, new string('a', 64), DateTimeOffset.UnixEpoch, lineage, new Dictionary<string, double>(), "", ["champion"]);
        return new TransferSource("source@champion", "", reuse, version, model);
    }
}
