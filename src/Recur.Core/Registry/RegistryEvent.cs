namespace Recur.Core.Registry;

/// <summary>
/// One immutable record of a registry change: what changed, who changed it, when, why, and the numbers of the versions
/// involved. Written in the same transaction as the change itself.
/// </summary>
/// <param name="Id">The event's sequence number in the store (ascending in time).</param>
/// <param name="Model">The model name.</param>
/// <param name="Kind">What happened: one of <see cref="RegistryEventKinds.All"/>.</param>
/// <param name="At">When (the store's clock).</param>
/// <param name="Actor">Who: <c>--actor</c>, <c>RECUR_ACTOR</c>, the OS user, or <c>api</c> for the server's callers.</param>
/// <param name="Reason">Why, in the actor's words (the gate's reason for a registration).</param>
/// <param name="Version">The version the change is about (the new target of an alias).</param>
/// <param name="Alias">The alias moved, set or removed; null for other changes.</param>
/// <param name="PreviousVersion">The alias's previous target; null when it was new.</param>
/// <param name="Tag">The tag key set or removed; null for other changes.</param>
/// <param name="TagValue">The tag's new value (null when removed).</param>
/// <param name="Metrics">The version's metrics at the time of the change (for an alias move, also <c>previous.*</c>).</param>
public sealed record RegistryEvent(
    long Id,
    string Model,
    string Kind,
    DateTimeOffset At,
    string Actor,
    string Reason,
    int? Version,
    string? Alias,
    int? PreviousVersion,
    string? Tag,
    string? TagValue,
    IReadOnlyDictionary<string, double> Metrics);

/// <summary>Who makes a registry change and why.</summary>
/// <param name="Actor">Who (see <see cref="RegistryEvent.Actor"/>).</param>
/// <param name="Reason">Why; required for promote and rollback.</param>
public sealed record RegistryChange(string Actor, string Reason);

/// <summary>The kinds of <see cref="RegistryEvent"/>.</summary>
public static class RegistryEventKinds
{
    /// <summary>A version was registered (its alias, if any, is in the event).</summary>
    public const string Registered = "registered";

    /// <summary>An alias was pointed at a version (new or moved) without a promotion.</summary>
    public const string AliasMoved = "alias_moved";

    /// <summary>An alias was moved by <c>recur models promote</c> or the REST promote.</summary>
    public const string Promoted = "promoted";

    /// <summary>An alias was moved back to its previous target.</summary>
    public const string RolledBack = "rolled_back";

    /// <summary>A tag was set on a version.</summary>
    public const string TagSet = "tag_set";

    /// <summary>A tag was removed from a version.</summary>
    public const string TagRemoved = "tag_removed";

    /// <summary>Every kind, in the order above.</summary>
    public static IReadOnlyList<string> All { get; } = [Registered, AliasMoved, Promoted, RolledBack, TagSet, TagRemoved];

    /// <summary>Whether the kind moves an alias (alias_moved, promoted, rolled_back).</summary>
    public static bool MovesAlias(string kind) => kind is AliasMoved or Promoted or RolledBack;
}
