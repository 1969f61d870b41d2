using System.Diagnostics;
using Recur.Core.Project;
using Recur.Lake;
using Recur.Lake.Snapshots;
using Recur.Storage.Sqlite;

namespace Recur.Tests.Lake.Snapshots;

public sealed class LakeTempFilesTests
{
    // The id of a process that has exited: a short-lived child, waited for.
    private static int ExitedProcessId()
    {
        using var child = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        child.WaitForExit();
        return child.Id;
    }

    [Fact]
    public void SweepAbandoned_DeletesOnlyTheFilesOfProcessesThatAreGone()
    {
        using var dir = new TempDir();
        var dead = dir.Write($".{ExitedProcessId()}-{Guid.NewGuid():N}.tmp", "half a file");
        var mine = LakeTempFiles.New(dir.Root);
        File.WriteAllText(mine, "being written");
        var foreign = dir.Write(".notes.tmp", "not ours");
        var snapshot = dir.Write("abc.parquet", "data");

        var swept = LakeTempFiles.SweepAbandoned(dir.Root);

        Assert.Equal(1, swept);
        Assert.False(File.Exists(dead));
        Assert.True(File.Exists(mine));
        Assert.True(File.Exists(foreign));
        Assert.True(File.Exists(snapshot));
    }

    [Fact]
    public void New_NamesAHiddenFileOwnedByThisProcess()
    {
        var name = Path.GetFileName(LakeTempFiles.New("lake"));

        Assert.StartsWith($".{Environment.ProcessId}-", name);
        Assert.EndsWith(".tmp", name);
    }

    [Fact]
    public async Task IngestAsync_AfterAKilledIngest_DeletesItsTemporaryFile()
    {
        using var dir = new TempDir();
        var lake = dir.Path("lake");
        Directory.CreateDirectory(lake);
        var left = Path.Combine(lake, $".{ExitedProcessId()}-{Guid.NewGuid():N}.tmp");
        File.WriteAllText(left, "PAR1 and then nothing");
        var ingestor = new LakeIngestor(new ParquetSnapshotFiles(lake), new SqliteSnapshotCatalog(new SqliteDatabase(dir.Path("recur.db"))), TimeProvider.System);

        await ingestor.IngestAsync("d", dir.Write("a.csv", "x\n1\n2\n"), "a.csv", new DatasetConfig());

        Assert.False(File.Exists(left));
        Assert.Empty(Directory.GetFiles(lake, "*.tmp", new EnumerationOptions { AttributesToSkip = 0 }));
    }
}
