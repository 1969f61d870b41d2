using Recur.Core;
using Recur.Core.Registry;
using Recur.Pipeline;
using Recur.Pipeline.Transfer;

namespace Recur.Tests.Pipeline.Transfer;

public sealed class TransferSourceTests
{
    private const string Target = "name: target\nlabel: label\ntraining:\n  transfer:\n";

    // A source project in source/ with version 1 of model "source" (alias champion) registered, and a target beside it.
    private static async Task<(TempDir Dir, string Sha)> TwoProjectsAsync(string transfer, bool storeFile = true)
    {
        var dir = new TempDir();
        Directory.CreateDirectory(dir.Path("source"));
        dir.Write("source/recur.yaml", "name: source\nlabel: label\n");
        var source = RecurProject.Open(dir.Path("source"));
        var file = dir.Path("model.zip");
        TransferData.Source("features").Model.Save(file);
        var sha = storeFile ? await source.Artifacts.PutAsync(file) : new string('0', 64);
        // Only a version trained on a catalogued snapshot takes an alias (the registry's alias guard).
        var snapshot = new string('s', 64);
        await source.Catalog.AddAsync(new Recur.Core.Lake.SnapshotInfo(snapshot, "train", 1, 0, "data.csv", DateTimeOffset.UnixEpoch, [new Recur.Core.Data.ColumnSpec("x", Recur.Core.Data.ColumnType.Real)], []), []);
        var lineage = new ModelLineage([snapshot], "c", "v", 7, "lbfgs", new Dictionary<string, string>());
        await source.Registry.RegisterAsync(new NewModelVersion("source", sha, lineage, new Dictionary<string, double>(), ""), "champion");
        Directory.CreateDirectory(dir.Path("target"));
        dir.Write("target/recur.yaml", Target + transfer);
        return (dir, sha);
    }

    private static async Task<RecurException> RefusedAsync(string transfer, bool storeFile = true)
    {
        var (dir, _) = await TwoProjectsAsync(transfer, storeFile);
        using (dir)
        {
            return await Assert.ThrowsAsync<RecurException>(() => TransferStep.LoadAsync(RecurProject.Open(dir.Path("target"))));
        }
    }

    [Fact]
    public async Task LoadAsync_AliasInAnotherProject_LoadsTheVerifiedModel()
    {
        var (dir, sha) = await TwoProjectsAsync("    from: source@champion\n    project: ../source\n");
        using var _ = dir;

        var source = await TransferStep.LoadAsync(RecurProject.Open(dir.Path("target")));

        Assert.NotNull(source);
        Assert.Equal((1, sha), (source.Version.Version, source.Version.ArtifactSha256));
        Assert.NotNull(source.Model.Chain);
        Assert.Equal("source:1", source.Lineage()["transfer_from"]);
        Assert.Equal(sha, source.Lineage()["transfer_sha256"]);
    }

    [Fact]
    public async Task LoadAsync_UnknownModel_NamesFromAndLine()
    {
        var e = await RefusedAsync("    from: nosuch@champion\n    project: ../source\n");

        Assert.Equal("training.transfer.from", e.Field);
        Assert.Contains("line 5", e.Message, StringComparison.Ordinal);
        Assert.Contains("no model 'nosuch' in the registry of project '../source'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_UnknownAlias_NamesTheAlias()
    {
        var e = await RefusedAsync("    from: source@staging\n    project: ../source\n");

        Assert.Contains("model 'source' has no alias 'staging'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_UnknownVersion_NamesTheVersion()
    {
        var e = await RefusedAsync("    from: source:4\n    project: ../source\n");

        Assert.Contains("model 'source' has no version 4", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_SourceInThisProjectsEmptyRegistry_Refused()
    {
        var e = await RefusedAsync("    from: source@champion\n");

        Assert.Contains("no model 'source' in this project's registry", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_FileMissingFromTheStore_RefusedBeforeFitting()
    {
        var e = await RefusedAsync("    from: source@champion\n    project: ../source\n", storeFile: false);

        Assert.Equal("training.transfer.from", e.Field);
        Assert.Contains("is missing from the artifact store", e.Message, StringComparison.Ordinal);
    }
}
