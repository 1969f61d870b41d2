namespace Recur.Core.Lake;

/// <summary>
/// Where every physical line of a text source went: junk skipped at the top, header lines, blank
/// lines, rows stored, rows quarantined, and lines merged into a record that started on an earlier
/// line (a quoted field holding line breaks). They add up to <see cref="Physical"/>, the lines counted
/// in the bytes read; when they do not, <see cref="Balanced"/> is false and a line went missing.
/// </summary>
public sealed record LineAccount(long Physical, long Skipped, long Header, long Blank, long Rows, long Quarantined, long Merged)
{
    /// <summary>The lines accounted for.</summary>
    public long Accounted => Skipped + Header + Blank + Rows + Quarantined + Merged;

    /// <summary>Whether every physical line is accounted for.</summary>
    public bool Balanced => Accounted == Physical;
}
