namespace Recur.Lake.Ingest;

/// <summary>
/// What reading one text part gave besides its records: the physical lines counted in its bytes, the
/// lines that hold no record (junk skipped at the top, the header, blank lines), the lines merged into
/// a record that started earlier (quoted fields holding line breaks), and warnings about the part
/// (implausible multi-line quoted fields, a single column that looks delimited). Kept by the part cache.
/// </summary>
internal sealed class PartLines
{
    /// <summary>Lines in the part's bytes: its line feeds, plus one for a last line without one.</summary>
    public long Physical { get; set; }

    /// <summary>Junk lines skipped at the top (<c>skip_lines</c>).</summary>
    public long Skipped { get; set; }

    /// <summary>Lines of the header record.</summary>
    public long Header { get; set; }

    /// <summary>Empty lines between records.</summary>
    public long Blank { get; set; }

    /// <summary>Lines after the first of every record (the header's aside).</summary>
    public long Merged { get; set; }

    /// <summary>What the reader found worth telling, each naming the part and a line.</summary>
    public List<string> Warnings { get; set; } = [];
}
