using Recur.Core;

namespace Recur.Lake.Ingest;

/// <summary>
/// Line accounting: every physical line ends up skipped, in the header, blank, or in a record (its
/// first line, or merged into it by a quoted field holding line breaks). The physical lines are
/// counted apart, as the line feeds in each block once it is consumed, so a line the record loop lost
/// shows as an imbalance. A multi-line quoted field that looks like a stray quote is reported.
/// </summary>
internal sealed partial class DelimitedBatchReader
{
    /// <summary>A quoted field spanning more lines than this is reported as implausible, whatever its text.</summary>
    public const int SuspectLines = 100;

    /// <summary>
    /// A quoted field is not allowed to run over more lines than this: the line it opens on is
    /// quarantined and reading goes on with the next line, so a stray quote cannot swallow the rest of
    /// a file (nor make the reader hold all of it in one block).
    /// </summary>
    public const int MaxQuotedLines = 1000;

    private static readonly string RunawayReason =
        $"a quoted field opened on this line runs over more than {MaxQuotedLines} lines, so it was not read as one; if quote characters are plain text in this file, set quote: none (--quote none)";

    private bool _runaway;

    private readonly PartLines _lines = new();
    private byte _lastByte = (byte)'\n';
    private bool _textAfterQuote;
    private bool _finished;
    private long _suspects;
    private long _suspectMerged;
    private (long Line, long Lines, string Why)? _firstSuspect;

    /// <summary>Where the part's lines went; complete once <see cref="Next"/> has returned null.</summary>
    public PartLines Lines => _lines;

    private void CountLines(int end) => _lines.Physical += _buffer.AsSpan(0, end).Count((byte)'\n');

    // The end of the part: count the last block's lines and report the suspect quoted fields.
    private void Finish()
    {
        if (_finished) return;
        _finished = true;
        if (_pos < _length)
        {
            // A last line holding only "\r".
            _line++;
            _lines.Blank++;
            _pos = _length;
        }
        CountLines(_length);
        if (_lastByte != '\n') _lines.Physical++;
        if (_firstSuspect is not { } first) return;
        var others = _suspects > 1 ? $"; {_suspects} such fields merge {_suspectMerged} lines in all" : "";
        _lines.Warnings.Add($"{_source}: line {first.Line}: a quoted field runs over {first.Lines} lines, to line {first.Line + first.Lines - 1} ({first.Why}){others}. "
            + "If quote characters are plain text in this file, set quote: none (--quote none)");
    }

    // A record spanning line breaks (rare): its extra lines are merged lines, and a quoted field that
    // swallows what look like rows, has text after its closing quote, or runs very long is suspect.
    private void MultiLine(int recordStart, int recordEnd, long line, long lines)
    {
        _lines.Merged += lines - 1;
        if (Names.Count == 0) return; // the header, accounted for by ReadNames
        var rows = lines > SuspectLines ? 0 : RowsInside(recordStart, recordEnd);
        var why = _textAfterQuote ? "text follows its closing quote"
            : lines > SuspectLines ? $"more than {SuspectLines} lines"
            : rows > 0 ? $"{rows} of the lines inside it split into {Names.Count} fields, like rows of their own"
            : null;
        if (why is null) return;
        _suspects++;
        _suspectMerged += lines - 1;
        _firstSuspect ??= (line, lines, why);
    }

    // Lines after a record's first that hold as many delimiters as a row does.
    private int RowsInside(int recordStart, int recordEnd)
    {
        if (Names.Count < 2) return 0;
        var rest = _buffer.AsSpan(recordStart, recordEnd - recordStart);
        rest = rest[(rest.IndexOf((byte)'\n') + 1)..];
        var rows = 0;
        while (!rest.IsEmpty)
        {
            var k = rest.IndexOf((byte)'\n');
            var line = k < 0 ? rest : rest[..k];
            if (line.Count(_delimiter) == Names.Count - 1) rows++;
            rest = k < 0 ? default : rest[(k + 1)..];
        }
        return rows;
    }

    // The record is the first line alone (it goes to quarantine); reading goes on with the next line.
    private Status Runaway(int recordStart, out int recordEnd, int extraMark)
    {
        _extra.Length = extraMark;
        _fields = 0;
        var end = recordStart + _buffer.AsSpan(recordStart, _length - recordStart).IndexOf((byte)'\n');
        recordEnd = end > recordStart && _buffer[end - 1] == '\r' ? end - 1 : end;
        _pos = end + 1;
        _line++;
        _runaway = true;
        if (Names.Count == 0) throw RecurException.Invalid($"{_source}: line {_line}: the header opens a quoted field that runs over more than {MaxQuotedLines} lines; if quote characters are plain text in this file, set quote: none (--quote none)", "quote");
        return Status.Record;
    }

    // Space-delimited lines are often padded with a space at the end or the start: those empty fields
    // are not data. True when dropping them leaves the expected number of fields.
    private bool DropOuterSpaces(int expected)
    {
        if (_delimiter != ' ' || _fields <= expected) return false;
        var count = _fields;
        while (count > expected && _lengths[count - 1] == 0) count--;
        var first = 0;
        while (count - first > expected && _lengths[first] == 0) first++;
        if (count - first != expected) return false;
        Array.Copy(_starts, first, _starts, 0, expected);
        Array.Copy(_lengths, first, _lengths, 0, expected);
        _fields = expected;
        return true;
    }
}
