namespace Recur.Core.Project;

/// <summary>
/// recur.yaml <c>framing.cascade</c>: a router sends each row to a specialised model (a branch), and the cascade is
/// trained, evaluated, registered and served as one versioned model. Two routers: a declared segment
/// (<see cref="Segment"/> with <see cref="Branches"/>) or a learned "typical vs rare" router
/// (<see cref="Router"/> <c>learned</c>). Off until declared.
/// </summary>
public sealed class CascadeConfig
{
    /// <summary>The name of the learned router (<see cref="Router"/>).</summary>
    public const string LearnedRouter = "learned";

    /// <summary>The column whose value chooses the branch (a model input); null for no declared segment.</summary>
    public string? Segment { get; set; }

    /// <summary>Segment value → branch name. Values that share a name share a branch (one model fitted on all their rows).</summary>
    public Dictionary<string, string> Branches { get; set; } = [];

    /// <summary>The branch for segment values not listed in <see cref="Branches"/> (and missing values); null to refuse them.</summary>
    public string? Default { get; set; }

    /// <summary><c>learned</c>: a router classifier learns where the general model errs ("rare" rows), a specialist fits them; null for none.</summary>
    public string? Router { get; set; }

    /// <summary>Learned router: the share of training rows it sends to the rare branch, in (0, 0.5]. Default 0.2.</summary>
    public double RareShare { get; set; } = 0.2;

    /// <summary>The declared trainer that fits the branches (and the router), by trainer name; null for the first declared.</summary>
    public string? Trainer { get; set; }

    /// <summary>Fewest training rows a branch needs (a branch with fewer is refused before training). At least 2; default 50.</summary>
    public int MinRows { get; set; } = 50;

    /// <summary>Whether recur.yaml declares a cascade.</summary>
    public bool IsDeclared => Segment is not null || Router is not null;
}
