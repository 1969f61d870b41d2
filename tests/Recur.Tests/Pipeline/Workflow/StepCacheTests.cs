using Recur.Pipeline.Workflow;

namespace Recur.Tests.Pipeline.Workflow;

/// <summary>The step cache on disk: entries appear whole or not at all; a torn temporary folder is never read.</summary>
public sealed class StepCacheTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Store_ThenFind_ReturnsTheCompleteEntry()
    {
        var cache = new StepCache(_dir.Path("cache"), Enabled: true);

        var folder = cache.Store("fit", "abc", temp => File.WriteAllText(Path.Combine(temp, "out.txt"), "42"));

        Assert.Equal(folder, cache.Find("fit", "abc"));
        Assert.Equal("42", File.ReadAllText(Path.Combine(folder, "out.txt")));
        Assert.Single(Directory.GetDirectories(_dir.Path("cache/fit")));
    }

    [Fact]
    public void Find_TornTemporaryFolderFromAKill_IsIgnored()
    {
        var cache = new StepCache(_dir.Path("cache"), Enabled: true);
        Directory.CreateDirectory(_dir.Path($"cache/fit/{StepCache.TempPrefix}abc-0123"));
        File.WriteAllText(_dir.Path($"cache/fit/{StepCache.TempPrefix}abc-0123/model.zip"), "half a zip");

        Assert.Null(cache.Find("fit", "abc"));
    }

    [Fact]
    public void Store_WriterThrows_LeavesNoEntryAndNoTemporaryFolder()
    {
        var cache = new StepCache(_dir.Path("cache"), Enabled: true);

        Assert.Throws<InvalidOperationException>(() => cache.Store("fit", "abc", temp =>
        {
            File.WriteAllText(Path.Combine(temp, "part"), "x");
            throw new InvalidOperationException("killed mid-write");
        }));

        Assert.Null(cache.Find("fit", "abc"));
        Assert.Empty(Directory.GetDirectories(_dir.Path("cache/fit")));
    }

    [Fact]
    public void Store_SameKeyTwice_KeepsTheFirstEntry()
    {
        var cache = new StepCache(_dir.Path("cache"), Enabled: true);
        cache.Store("fit", "abc", temp => File.WriteAllText(Path.Combine(temp, "out.txt"), "first"));

        var folder = cache.Store("fit", "abc", temp => File.WriteAllText(Path.Combine(temp, "out.txt"), "second"));

        Assert.Equal("first", File.ReadAllText(Path.Combine(folder, "out.txt")));
    }

    [Fact]
    public void Find_CacheDisabled_ReturnsNull()
    {
        new StepCache(_dir.Path("cache"), Enabled: true).Store("fit", "abc", _ => { });

        Assert.Null(new StepCache(_dir.Path("cache"), Enabled: false).Find("fit", "abc"));
    }

    [Fact]
    public void Sweep_OldTemporaryFolder_IsDeleted()
    {
        var cache = new StepCache(_dir.Path("cache"), Enabled: true);
        Directory.CreateDirectory(_dir.Path($"cache/fit/{StepCache.TempPrefix}abc-0123"));
        cache.Store("fit", "kept", _ => { });

        Assert.Equal(1, cache.Sweep(TimeSpan.FromMinutes(1), DateTimeOffset.UtcNow.AddHours(1)));
        Assert.NotNull(cache.Find("fit", "kept"));
    }
}
