using System.Globalization;
using Recur.Core;
using Recur.Core.Lake;
using Recur.Core.Registry;
using Recur.Core.Profiles;
using Recur.Pipeline;
using Recur.Pipeline.Steps;

namespace Recur.Tests.Pipeline.Steps;

/// <summary>Stored profiles in a real project folder: computed once, named by content, reused without the rows.</summary>
public sealed class ProfileStepTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private async Task<(RecurProject Project, SnapshotInfo Snapshot)> IngestedAsync()
    {
        var random = new Random(9);
        var rows = Enumerable.Range(1, 400).Select(i => string.Create(CultureInfo.InvariantCulture,
            $"{i},{Math.Round(random.NextDouble() * 100, 2)},{(random.Next(8) == 0 ? "" : "c" + random.Next(6))},{(random.Next(3) == 0 ? "yes" : "no")}"));
        _dir.Write("p/data.csv", string.Join('\n', ["id,x,c,y", .. rows]) + "\n");
        _dir.Write("p/recur.yaml", "name: m\nlabel: y\nkey: id\ndatasets:\n  train:\n    source: data.csv\n");
        var project = RecurProject.Open(_dir.Path("p"));
        var outcome = await IngestStep.RunAsync(project, "train");
        return (project, outcome.Snapshot);
    }

    [Fact]
    public async Task TrainingSplitAsync_FirstUse_StoresTheTrainingRowsProfileNamedBySnapshotAndSplit()
    {
        var (project, snapshot) = await IngestedAsync();
        var table = await project.ReadAsync(snapshot);
        var train = TrainingRun.SplitRows(project.Config, table).Train;

        var first = await ProfileStep.TrainingSplitAsync(project, snapshot, null);

        Assert.False(first.Reused);
        Assert.Equal(Path.Combine(_dir.Path("p/.recur/lake"), first.Id + ".profile.json"), first.Path);
        Assert.StartsWith(snapshot.Id + ".train-", first.Id, StringComparison.Ordinal);
        Assert.Equal(train.Count, first.Stored.Profile.Rows);
        Assert.Equal(("train", "fingerprint split on id, validation share 0.2"), (first.Stored.Part, first.Stored.Split));
        Assert.Empty(Directory.GetFiles(_dir.Path("p/.recur/lake"), "*.tmp"));
    }

    [Fact]
    public async Task TrainingSplitAsync_SecondUseWithoutTheRows_ReadsTheStoredProfile()
    {
        var (project, snapshot) = await IngestedAsync();
        var first = await ProfileStep.TrainingSplitAsync(project, snapshot, null);
        await project.Snapshots.DeleteAsync(snapshot.Id);

        var again = await ProfileStep.TrainingSplitAsync(project, snapshot, null);

        Assert.True(again.Reused);
        Assert.Equal((first.Id, snapshot.Id, first.Stored.Profile.Rows), (again.Id, again.Stored.Snapshot, again.Stored.Profile.Rows));
        Assert.Equal(first.Stored.Profile.Columns[1].Reference!.Numbers!.Quantiles, again.Stored.Profile.Columns[1].Reference!.Numbers!.Quantiles);
    }

    [Fact]
    public async Task SnapshotAsync_ComputedTwice_WritesTheSameBytes()
    {
        var (project, snapshot) = await IngestedAsync();
        var first = await ProfileStep.SnapshotAsync(project, snapshot);
        var bytes = await File.ReadAllBytesAsync(first.Path);
        File.Delete(first.Path);

        var again = await ProfileStep.SnapshotAsync(project, snapshot);

        Assert.Equal((first.Id, false, false), (again.Id, first.Reused, again.Reused));
        Assert.Equal(bytes, await File.ReadAllBytesAsync(again.Path));
        Assert.Equal(400, again.Stored.Profile.Rows);
    }

    [Fact]
    public async Task ReferenceOfAsync_VersionWithoutStoredProfile_ProfilesTheTrainingSplitOnce()
    {
        var (project, snapshot) = await IngestedAsync();
        var older = Version(snapshot.Id, referenceProfile: null);

        var computed = await ProfileStep.ReferenceOfAsync(project, older);
        await project.Snapshots.DeleteAsync(snapshot.Id);
        var reused = await ProfileStep.ReferenceOfAsync(project, older);

        Assert.Equal((false, true, computed.Id), (computed.Reused, reused.Reused, reused.Id));
    }

    [Fact]
    public async Task ReferenceOfAsync_ProfileAndRowsBothGone_FailsNamingTheProfileAndSnapshot()
    {
        var (project, snapshot) = await IngestedAsync();
        var stored = await ProfileStep.TrainingSplitAsync(project, snapshot, null);
        File.Delete(stored.Path);
        await project.Snapshots.DeleteAsync(snapshot.Id);

        var error = await Assert.ThrowsAsync<RecurException>(() => ProfileStep.ReferenceOfAsync(project, Version(snapshot.Id, stored.Id)));

        Assert.Contains($"{stored.Id}.profile.json is gone", error.Message, StringComparison.Ordinal);
        Assert.Contains($"snapshot {snapshot.Id[..12]} has no data file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryReadAsync_IdThatIsNoProfileId_FailsNamingIt()
    {
        var (project, _) = await IngestedAsync();

        var error = await Assert.ThrowsAsync<RecurException>(() => project.Profiles.TryReadAsync("../../recur"));

        Assert.Contains("'../../recur' is not a profile id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryReadAsync_OtherFormat_IsTreatedAsAbsent()
    {
        var (project, snapshot) = await IngestedAsync();
        var stored = await ProfileStep.SnapshotAsync(project, snapshot);
        await project.Profiles.WriteAsync(stored.Id, stored.Stored with { Format = StoredProfile.CurrentFormat + 1 });

        Assert.Null(await project.Profiles.TryReadAsync(stored.Id));
    }

    private static ModelVersion Version(string snapshot, string? referenceProfile) => new(
        "m", 1, new string('a', 64), DateTimeOffset.UnixEpoch,
        new ModelLineage([snapshot], "cfg", "0.1.0", 42, "lightgbm", new Dictionary<string, string>(), referenceProfile),
        new Dictionary<string, double>(), "", ["champion"]);
}
