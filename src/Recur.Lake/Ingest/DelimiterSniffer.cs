using Recur.Core;
using Recur.Core.Project;

namespace Recur.Lake.Ingest;

/// <summary>
/// Picks the field delimiter: the declared one, tsv's tab, or the candidate that splits the first
/// lines into the same number (more than one) of fields most consistently. A declared delimiter that
/// leaves a one-field header while another splits it cleanly is reported as the wrong delimiter.
/// </summary>
public static class DelimiterSniffer
{
    private static readonly char[] Candidates = [',', '\t', ';', '|'];

    /// <summary>The delimiter to use for a source whose first lines are given.</summary>
    public static char Resolve(DatasetConfig config, IReadOnlyList<string> firstLines, string sourceName)
    {
        if (config.Format.Equals("tsv", StringComparison.OrdinalIgnoreCase) && config.Delimiter.Length == 0) return '\t';
        var lines = firstLines.Where(l => l.Length > 0).ToList();
        var best = Best(lines);
        if (config.Delimiter.Length == 0) return best ?? ',';
        var declared = config.Delimiter == "\\t" ? "\t" : config.Delimiter;
        if (declared.Length != 1) throw RecurException.Invalid($"{sourceName}: delimiter must be one character, got '{config.Delimiter}'", "delimiter");
        var d = declared[0];
        if (lines.Count > 0 && Fields(lines[0], d) == 1 && best is { } other && other != d)
        {
            throw RecurException.Invalid($"{sourceName}: line {config.SkipLines + 1} has a single field when split on '{Show(d)}', but splits into {Fields(lines[0], other)} fields on '{Show(other)}': wrong delimiter? (set delimiter: \"{Show(other)}\")", "delimiter");
        }
        return d;
    }

    private static char? Best(List<string> lines)
    {
        if (lines.Count == 0) return null;
        char? best = null;
        var bestScore = 0.0;
        foreach (var c in Candidates)
        {
            var counts = lines.Select(l => Fields(l, c)).ToList();
            var mode = counts.GroupBy(n => n).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).First();
            if (mode.Key < 2) continue;
            // Consistency first, then more fields: a comma inside text must not beat a clean semicolon.
            var score = (double)mode.Count() / counts.Count + mode.Key * 1e-6;
            if (score > bestScore) { bestScore = score; best = c; }
        }
        return best;
    }

    private static int Fields(string line, char delimiter)
    {
        var fields = 1;
        var quoted = false;
        foreach (var ch in line)
        {
            if (ch == '"') quoted = !quoted;
            else if (ch == delimiter && !quoted) fields++;
        }
        return fields;
    }

    private static string Show(char c) => c == '\t' ? "\\t" : c.ToString();
}
