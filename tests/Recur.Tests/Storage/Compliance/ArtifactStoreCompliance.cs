using System.Security.Cryptography;
using Recur.Core;
using Recur.Core.Registry;

namespace Recur.Tests.Storage.Compliance;

/// <summary>What every <see cref="IArtifactStore"/> must do; each backend's test class inherits this.</summary>
public abstract class ArtifactStoreCompliance : IDisposable
{
    private readonly TempDir _sources = new();

    /// <summary>A new, empty store.</summary>
    protected abstract IArtifactStore NewStore();

    /// <summary>Partial writes the backend can see lying around (temporary files); 0 when it has no such notion.</summary>
    protected virtual int PartialWrites() => 0;

    /// <inheritdoc />
    public virtual void Dispose()
    {
        _sources.Dispose();
        GC.SuppressFinalize(this);
    }

    private string Source(string name, int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        var path = _sources.Path(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public async Task PutAsync_ReturnsTheSha256AndKeepsTheBytes()
    {
        var store = NewStore();
        var source = Source("m.zip", 70_000, 1);

        var sha = await store.PutAsync(source);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(source))), sha);
        Assert.Equal(File.ReadAllBytes(source), await store.ReadAsync(sha));
        Assert.Equal(File.ReadAllBytes(source), File.ReadAllBytes(store.PathOf(sha)));
    }

    [Fact]
    public async Task PutAsync_SameBytesTwice_KeepsOneCopy()
    {
        var store = NewStore();
        var a = Source("a.zip", 1000, 2);
        var b = _sources.Path("b.zip");
        File.Copy(a, b);

        var first = await store.PutAsync(a);
        var second = await store.PutAsync(b);

        Assert.Equal(first, second);
        Assert.Equal(store.PathOf(first), store.PathOf(second));
    }

    [Fact]
    public async Task ReadAndPathOf_UnknownArtifact_AreNotFoundNamingIt()
    {
        var store = NewStore();
        var sha = new string('e', 64);

        var read = await Assert.ThrowsAsync<RecurException>(() => store.ReadAsync(sha));
        var path = Assert.Throws<RecurException>(() => store.PathOf(sha));

        Assert.All(new[] { read, path }, e => Assert.Equal(FailureKind.NotFound, e.Kind));
        Assert.Contains(sha, read.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutAsync_SourceMissing_FailsAndStoresNothing()
    {
        var store = NewStore();

        await Assert.ThrowsAnyAsync<IOException>(() => store.PutAsync(_sources.Path("gone.zip")));

        Assert.Equal(0, PartialWrites());
    }

    [Fact]
    public async Task PutAsync_ConcurrentPutsOfOneFile_StoreItWhole()
    {
        var store = NewStore();
        var source = Source("m.zip", 300_000, 3);

        var shas = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => store.PutAsync(source))));

        Assert.Single(shas.Distinct());
        Assert.Equal(File.ReadAllBytes(source), await store.ReadAsync(shas[0]));
        Assert.Equal(0, PartialWrites());
    }
}
