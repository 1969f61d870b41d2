using Recur.Core;
using Recur.Core.Project;

namespace Recur.Lake.Ingest;

/// <summary>
/// Picks the field delimiter: the declared one, tsv's tab, or the candidate that splits the first
/// lines into the same number (more than one) of fields most consistently. A space is chosen only when
/// no other candidate splits the lines and every line splits into the same number of fields on it
/// (prose has spaces too). A declared delimiter that leaves a one-field header while another splits it
/// cleanly is reported as the wrong delimiter.
/// </summary>
public static class DelimiterSniffer
{
    private static readonly char[] Candidates = [',', '\t', ';', '|'];

    /// <summary>The delimiter to use for a source whose first lines are given.</summary>
    public static char Resolve(DatasetConfig config, IReadOnlyList<string> firstLines, string sourceName)
    {
        if (config.Format.Equals("tsv", StringComparison.OrdinalIgnoreCase) && config.Delimiter.Length == 0) return '\t';
        var quote = QuoteSetting.Parse(config.Quote, "quote");
        var lines = firstLines.Where(l => l.Length > 0).ToList();
        var best = Best(lines, quote);
        if (config.Delimiter.Length == 0) return best ?? ',';
        var declared = config.Delimiter == "\\t" ? "\t" : config.Delimiter;
        if (declared.Length != 1) throw RecurException.Invalid($"{sourceName}: delimiter must be one character, got '{config.Delimiter}'", "delimiter");
        var d = declared[0];
        if (lines.Count > 0 && Fields(lines[0], d, quote) == 1 && best is { } other && other != d)
        {
            throw RecurException.Invalid($"{sourceName}: line {config.SkipLines + 1} has a single field when split on '{Show(d)}', but splits into {Fields(lines[0], other, quote)} fields on '{Show(other)}': wrong delimiter? (set delimiter: \"{Show(other)}\")", "delimiter");
        }
        return d;
    }

    /// <summary>
    /// For a source read as a single column: a delimiter that splits more than half of its first lines
    /// into the same number (more than one) of fields, that number, and how many lines it splits so.
    /// </summary>
    public static (char Delimiter, int Fields, int Lines)? SingleColumnHint(IReadOnlyList<string> firstLines, char? quote)
    {
        var lines = firstLines.Where(l => l.Length > 0).ToList();
        foreach (var c in Candidates.Append(' '))
        {
            var counts = lines.Select(l => Fields(l, c, quote)).ToList();
            if (counts.Count == 0) break;
            var mode = Mode(counts);
            if (mode.Key >= 2 && mode.Count() * 2 > counts.Count) return (c, mode.Key, mode.Count());
        }
        return null;
    }

    private static char? Best(List<string> lines, char? quote)
    {
        if (lines.Count == 0) return null;
        char? best = null;
        var bestScore = 0.0;
        foreach (var c in Candidates)
        {
            var counts = lines.Select(l => Fields(l, c, quote)).ToList();
            var mode = Mode(counts);
            if (mode.Key < 2) continue;
            // Consistency first, then more fields: a comma inside text must not beat a clean semicolon.
            var score = (double)mode.Count() / counts.Count + mode.Key * 1e-6;
            if (score > bestScore) { bestScore = score; best = c; }
        }
        if (best is null && lines.Select(l => Fields(l, ' ', quote)).Distinct().ToList() is [>= 2]) return ' ';
        return best;
    }

    private static IGrouping<int, int> Mode(List<int> counts) =>
        counts.GroupBy(n => n).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).First();

    // Fields of a line split on the delimiter outside quotes; a space-delimited line's padding at either end does not count.
    private static int Fields(string line, char delimiter, char? quote)
    {
        if (delimiter == ' ') line = line.Trim(' ');
        var fields = 1;
        var quoted = false;
        foreach (var ch in line)
        {
            if (ch == quote) quoted = !quoted;
            else if (ch == delimiter && !quoted) fields++;
        }
        return fields;
    }

    private static string Show(char c) => c == '\t' ? "\\t" : c.ToString();
}
