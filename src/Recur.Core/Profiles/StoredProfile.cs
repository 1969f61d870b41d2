namespace Recur.Core.Profiles;

/// <summary>A profile as stored: what was profiled, and its statistics.</summary>
/// <param name="Format">The stored format's version; a profile of another version is profiled again.</param>
/// <param name="Snapshot">The snapshot profiled.</param>
/// <param name="Part"><c>all</c> for the whole snapshot, <c>train</c> for its training split.</param>
/// <param name="Split">For <c>train</c>: how the split was made, in words (its hash names the profile); null for <c>all</c>.</param>
/// <param name="Profile">The statistics, computed with the default profiling options.</param>
public sealed record StoredProfile(int Format, string Snapshot, string Part, string? Split, TableProfile Profile)
{
    /// <summary>The version of the stored format written today.</summary>
    public const int CurrentFormat = 1;
}
