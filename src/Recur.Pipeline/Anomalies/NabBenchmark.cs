using Recur.Core;
using Recur.Core.Project;
using Recur.Core.Statistics;
using Recur.Evaluation.Anomalies;
using Recur.Features.Windows;
using Recur.Lake.Ingest;

namespace Recur.Pipeline.Anomalies;

/// <summary>One stream's NAB result.</summary>
/// <param name="Stream">The stream's key in the labels file (<c>realKnownCause/nyc_taxi.csv</c>).</param>
/// <param name="Rows">Rows in the file.</param>
/// <param name="ProbationRows">Leading rows not scored.</param>
/// <param name="Scores">The scores under each profile, in profile order.</param>
public sealed record NabStreamResult(string Stream, int Rows, int ProbationRows, IReadOnlyList<NabScore> Scores);

/// <summary>A NAB run: each stream and the corpus total per profile, with precision and recall and their Wilson intervals.</summary>
/// <param name="Detector">The detector's settings.</param>
/// <param name="Streams">Per stream.</param>
/// <param name="Totals">Per profile, the streams summed and normalised together.</param>
public sealed record NabBenchmarkResult(ZScoreDetectorOptions Detector, IReadOnlyList<NabStreamResult> Streams, IReadOnlyList<NabScore> Totals)
{
    /// <summary>Detections inside a window over all scored detections, with its 95 % Wilson interval.</summary>
    public (double Value, double Low, double High) Precision => Rate(Totals[0].InWindows, Totals[0].Detections);

    /// <summary>Windows detected over all windows, with its 95 % Wilson interval.</summary>
    public (double Value, double Low, double High) Recall => Rate(Totals[0].DetectedWindows, Totals[0].Windows);

    /// <summary>A share and its 95 % Wilson interval; NaN value without trials.</summary>
    public static (double Value, double Low, double High) Rate(int successes, int trials)
    {
        var (low, high) = WilsonInterval.Of(successes, trials);
        return (trials == 0 ? double.NaN : (double)successes / trials, low, high);
    }
}

/// <summary>
/// Runs the <see cref="ZScoreDetector"/> over NAB streams and scores it with <see cref="NabScorer"/>: a NAB folder
/// (<c>data/**.csv</c>, <c>labels/combined_windows.json</c>, <c>config/profiles.json</c>) or one stream file inside such
/// a folder. Streams have the columns <c>timestamp,value</c>.
/// </summary>
public static class NabBenchmark
{
    /// <summary>Runs and scores every stream under <paramref name="path"/>; labels and profiles default to the NAB folder's.</summary>
    public static async Task<NabBenchmarkResult> RunAsync(string path, ZScoreDetectorOptions detector, string? labels = null, string? profiles = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var (root, files) = Locate(path);
        labels ??= Path.Combine(root, "labels", "combined_windows.json");
        if (!File.Exists(labels)) throw RecurException.Invalid($"{labels}: no labels file (pass --labels combined_windows.json)", "--labels");
        var windows = AnomalyWindow.ReadNab(labels);
        profiles ??= Path.Combine(root, "config", "profiles.json");
        var weights = File.Exists(profiles) ? NabProfile.Read(profiles) : NabProfile.Published;
        var streams = new List<NabStreamResult>();
        foreach (var file in files)
        {
            var key = Path.GetRelativePath(Path.Combine(root, "data"), file).Replace('\\', '/');
            if (!windows.TryGetValue(key, out var labelled)) throw RecurException.Invalid($"{labels}: no windows for '{key}'", "--labels");
            var table = (await SourceReader.ReadAsync(file, new DatasetConfig { Types = new() { ["value"] = "real", ["timestamp"] = "text" } }, key, ct: ct)).Table;
            var (detections, _) = ZScoreDetector.Detect(table, "timestamp", "value", detector);
            var times = WindowTime.Of(table["timestamp"]);
            streams.Add(new NabStreamResult(key, table.RowCount, NabScorer.ProbationRows(table.RowCount),
                [.. weights.Select(p => NabScorer.Score(times, detections, labelled, p))]));
        }
        var totals = weights.Select((p, i) => NabScore.Sum(p.Name, streams.Select(s => s.Scores[i]))).ToList();
        return new NabBenchmarkResult(detector, streams, totals);
    }

    // A NAB folder (with data/) or a stream file under its data/ folder.
    private static (string Root, IReadOnlyList<string> Files) Locate(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            var data = Path.Combine(full, "data");
            if (!Directory.Exists(data)) throw RecurException.Invalid($"{path}: not a NAB folder (no data/ folder inside)", "path");
            var files = Directory.GetFiles(data, "*.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
            if (files.Count == 0) throw RecurException.Invalid($"{path}: no .csv streams under data/", "path");
            return (full, files);
        }
        if (!File.Exists(full)) throw RecurException.NotFound($"{path}: no such file or folder");
        for (var dir = Path.GetDirectoryName(full); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (Path.GetFileName(dir) == "data") return (Path.GetDirectoryName(dir)!, [full]);
        }
        throw RecurException.Invalid($"{path}: a NAB stream must sit under a data/ folder (data/realKnownCause/nyc_taxi.csv)", "path");
    }
}
