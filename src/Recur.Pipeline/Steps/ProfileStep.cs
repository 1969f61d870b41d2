using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Lake;
using Recur.Core.Profiles;
using Recur.Core.Registry;
using Recur.Lake.Profiling;

namespace Recur.Pipeline.Steps;

/// <summary>A stored profile: its id, its file, what it describes, and whether it was already there.</summary>
/// <param name="Id">The profile id (the file name without <c>.profile.json</c>).</param>
/// <param name="Path">The stored file.</param>
/// <param name="Stored">The profile and what it describes.</param>
/// <param name="Reused">True when read from the store, false when computed (and stored) now.</param>
public sealed record ProfileOutcome(string Id, string Path, StoredProfile Stored, bool Reused);

/// <summary>
/// Profiles computed once and kept next to the snapshots: a whole snapshot's, for <c>recur profile</c>,
/// and the training split's, which is the reference drift detection compares against. The training split
/// profile is made when a model is registered and named in its lineage, so monitoring reads no raw rows.
/// </summary>
public static class ProfileStep
{
    /// <summary>The part of a snapshot profiled: all of it.</summary>
    public const string All = "all";

    /// <summary>The part of a snapshot profiled: its training split.</summary>
    public const string Train = "train";

    /// <summary>The profile of a whole snapshot, computed and stored on first use.</summary>
    public static async Task<ProfileOutcome> SnapshotAsync(RecurProject project, SnapshotInfo snapshot, CancellationToken ct = default)
    {
        var id = ProfileIds.Snapshot(snapshot.Id);
        if (await project.Profiles.TryReadAsync(id, ct) is { } stored) return new(id, project.Profiles.LocationOf(id), stored, Reused: true);
        var profile = await Profiler.ProfileAsync(project.ReadBatchesAsync(snapshot, ct), snapshot.Schema, ct: ct);
        return await StoreAsync(project, id, new StoredProfile(StoredProfile.CurrentFormat, snapshot.Id, All, null, profile), ct);
    }

    /// <summary>
    /// The profile of a snapshot's training split under recur.yaml's split, computed and stored on first
    /// use. <paramref name="training"/> is that split's rows when the caller already has them; otherwise
    /// the snapshot is read and split. <paramref name="profiling"/> is that split's profile when the caller is already
    /// computing it (a training run starts it in the background while it evaluates).
    /// </summary>
    public static async Task<ProfileOutcome> TrainingSplitAsync(RecurProject project, SnapshotInfo snapshot, DataTable? training, CancellationToken ct = default,
        Task<TableProfile>? profiling = null)
    {
        var split = TrainingRun.SplitDefinition(project.Config, snapshot.Schema.Select(c => c.Name).ToList());
        var id = ProfileIds.TrainingSplit(snapshot.Id, split);
        if (await project.Profiles.TryReadAsync(id, ct) is { } stored) return new(id, project.Profiles.LocationOf(id), stored, Reused: true);
        if (training is null)
        {
            var table = await project.ReadAsync(snapshot, ct);
            training = table.Take(TrainingRun.SplitRows(project.Config, table).Train);
        }
        var profile = profiling is null ? Profiler.Profile(training) : await profiling;
        return await StoreAsync(project, id, new StoredProfile(StoredProfile.CurrentFormat, snapshot.Id, Train, split, profile), ct);
    }

    /// <summary>
    /// What a model version's drift is measured against: the profile its lineage names. A version
    /// registered before profiles were stored, or whose profile file is gone, gets the training split
    /// profile of its first snapshot, computed from the lake once and then reused.
    /// </summary>
    public static async Task<ProfileOutcome> ReferenceOfAsync(RecurProject project, ModelVersion version, CancellationToken ct = default)
    {
        if (version.Lineage.ReferenceProfile is { } id && await project.Profiles.TryReadAsync(id, ct) is { } stored)
        {
            return new(id, project.Profiles.LocationOf(id), stored, Reused: true);
        }
        var snapshotId = version.Lineage.Snapshots[0];
        var snapshot = await project.Catalog.FindAsync(snapshotId, ct) ?? throw RecurException.NotFound($"snapshot {snapshotId} is missing from the catalogue");
        try
        {
            return await TrainingSplitAsync(project, snapshot, null, ct);
        }
        catch (RecurException) when (!project.Snapshots.Exists(snapshot.Id))
        {
            var named = version.Lineage.ReferenceProfile is { } missing ? $"the reference profile {missing}.profile.json is gone and " : "no reference profile is stored and ";
            throw RecurException.NotFound($"{named}snapshot {snapshot.Id[..12]} has no data file in the lake to profile its training split from");
        }
    }

    private static async Task<ProfileOutcome> StoreAsync(RecurProject project, string id, StoredProfile profile, CancellationToken ct)
    {
        await project.Profiles.WriteAsync(id, profile, ct);
        return new(id, project.Profiles.LocationOf(id), profile, Reused: false);
    }
}
