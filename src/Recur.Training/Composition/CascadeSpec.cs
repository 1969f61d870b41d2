namespace Recur.Training.Composition;

/// <summary>
/// The routing map of a cascade (saved in the model file): which branch answers a row. A segment router reads
/// <see cref="Column"/> and looks its value up in <see cref="Branches"/> (else <see cref="Default"/>); a learned router
/// scores the row with the member "router" and sends it to "rare" when the score reaches <see cref="Threshold"/>.
/// </summary>
public sealed record CascadeSpec
{
    /// <summary>The router kind of a declared segment.</summary>
    public const string SegmentRouter = "segment";

    /// <summary>The router kind of a learned typical-vs-rare router.</summary>
    public const string LearnedRouter = "learned";

    /// <summary>The member name of a learned router.</summary>
    public const string RouterMember = "router";

    /// <summary>The branch of a learned router's rare rows.</summary>
    public const string RareBranch = "rare";

    /// <summary>The branch of a learned router's typical rows (the general model).</summary>
    public const string TypicalBranch = "typical";

    /// <summary><see cref="SegmentRouter"/> or <see cref="LearnedRouter"/>.</summary>
    public string Router { get; init; } = SegmentRouter;

    /// <summary>Segment router: the column whose value picks the branch.</summary>
    public string? Column { get; init; }

    /// <summary>Segment router: value → branch name, sorted by value (stable bytes).</summary>
    public SortedDictionary<string, string> Branches { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Segment router: the branch of values not listed (and missing values); null when they are refused.</summary>
    public string? Default { get; init; }

    /// <summary>Learned router: the router's probability of "rare" at or above which a row goes to the rare branch.</summary>
    public double Threshold { get; init; }

    /// <summary>The member name of a branch.</summary>
    public static string MemberOf(string branch) => "branch:" + branch;
}
