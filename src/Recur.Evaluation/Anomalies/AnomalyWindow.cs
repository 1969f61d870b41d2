using System.Globalization;
using System.Text.Json;
using Recur.Core;

namespace Recur.Evaluation.Anomalies;

/// <summary>A labelled anomaly window, both ends included, in ticks (100 ns).</summary>
/// <param name="Start">The first instant of the window.</param>
/// <param name="End">The last instant of the window.</param>
public sealed record AnomalyWindow(long Start, long End)
{
    /// <summary>
    /// Reads NAB's labels/combined_windows.json: file key (<c>realKnownCause/nyc_taxi.csv</c>) → list of
    /// <c>[start, end]</c> timestamps. Errors name the file and key.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<AnomalyWindow>> ReadNab(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var windows = new Dictionary<string, IReadOnlyList<AnomalyWindow>>(StringComparer.Ordinal);
        foreach (var entry in document.RootElement.EnumerateObject())
        {
            var list = new List<AnomalyWindow>();
            foreach (var pair in entry.Value.EnumerateArray())
            {
                if (pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() != 2) throw RecurException.Invalid($"{path}: '{entry.Name}': a window is [start, end]", path);
                var start = Time(pair[0].GetString(), path, entry.Name);
                var end = Time(pair[1].GetString(), path, entry.Name);
                if (end < start) throw RecurException.Invalid($"{path}: '{entry.Name}': window [{pair[0]}, {pair[1]}] ends before it starts", path);
                list.Add(new AnomalyWindow(start, end));
            }
            windows[entry.Name] = list;
        }
        return windows;
    }

    private static long Time(string? text, string path, string key) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
            ? time.Ticks
            : throw RecurException.Invalid($"{path}: '{key}': '{text}' is not a timestamp", path);
}
