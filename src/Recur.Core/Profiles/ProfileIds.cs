using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Recur.Core.Profiles;

/// <summary>
/// Profile ids, derived from what was profiled: <c>&lt;snapshot&gt;</c> for a whole snapshot and
/// <c>&lt;snapshot&gt;.train-&lt;16 hex&gt;</c> for its training split under one split definition.
/// Snapshots are immutable, so an id always names the same profile.
/// </summary>
public static partial class ProfileIds
{
    /// <summary>The id of a whole snapshot's profile: the snapshot id.</summary>
    public static string Snapshot(string snapshot) => snapshot;

    /// <summary>The id of a snapshot's training split profile: the snapshot id and a hash of the split's definition.</summary>
    public static string TrainingSplit(string snapshot, string split) =>
        $"{snapshot}.train-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(split)))[..16]}";

    /// <summary>The id itself; Invalid (naming it) when it is not one this class makes, so no store sees a path in disguise.</summary>
    public static string Check(string id) =>
        Pattern().IsMatch(id) ? id : throw RecurException.Invalid($"'{id}' is not a profile id (a snapshot id, optionally followed by .train-<16 hex>)", "profile");

    [GeneratedRegex("^[0-9a-f]{64}(\\.train-[0-9a-f]{16})?$")]
    private static partial Regex Pattern();
}
