using Recur.Core;
using Recur.Pipeline;
using Recur.Pipeline.Storage;

namespace Recur.Tests.Pipeline.Storage;

/// <summary><c>storage:</c> in recur.yaml and <c>--store</c>: checked against the backend catalogue when the project loads.</summary>
public sealed class StorageSettingTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Project(string storage)
    {
        _dir.Write("p/recur.yaml", $"name: m\nlabel: y\nstorage: {storage}\n");
        return _dir.Path("p");
    }

    [Fact]
    public void Load_UnknownScheme_FailsNamingTheLineAndTheAvailableSchemes()
    {
        var root = Project("redis://db.example/0");

        var e = Assert.Throws<RecurException>(() => RecurServices.Load(root));

        Assert.Equal(("storage", FailureKind.InvalidInput), (e.Field, e.Kind));
        Assert.Contains("recur.yaml: line 3, column 10: storage: storage scheme 'redis' is not available in this build (available: sqlite:[PATH], postgres://user:password@host:5432/database)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NoSchemeAtAll_FailsSayingWhatAUriLooksLike()
    {
        var e = Assert.Throws<RecurException>(() => RecurServices.Load(Project("data/recur.db")));

        Assert.Contains("line 3", e.Message, StringComparison.Ordinal);
        Assert.Contains("'data/recur.db' is not a storage URI (scheme:location", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SqliteWithAHost_FailsAskingForAPath()
    {
        var e = Assert.Throws<RecurException>(() => RecurServices.Load(Project("sqlite://server/recur.db")));

        Assert.Contains("give sqlite a file path", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BadStoreOverride_NamesTheOption()
    {
        var root = Project("sqlite");

        var e = Assert.Throws<RecurException>(() => RecurServices.Load(root, "redis://cache"));

        Assert.Equal("--store", e.Field);
        Assert.StartsWith("--store: storage scheme 'redis' is not available", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "sqlite", "")]
    [InlineData("sqlite:", "sqlite", "")]
    [InlineData("sqlite", "sqlite", "")]
    [InlineData("SQLite:data/recur.db", "sqlite", "data/recur.db")]
    public void Parse_ValidSettings_GiveSchemeAndLocation(string text, string scheme, string location)
    {
        var uri = StorageUri.Parse(text, "storage");

        Assert.Equal((scheme, location), (uri.Scheme, uri.Location));
    }

    [Fact]
    public void Load_QuotedDefault_IsTheEmbeddedDatabase()
    {
        var project = RecurServices.Load(Project("\"sqlite:\""));

        Assert.Equal(StorageUri.Embedded, project.Storage);
    }

    [Fact]
    public void Backends_AreACatalogueByScheme()
    {
        // Each key is its backend's scheme, or an alias spelled from it (postgresql for postgres).
        Assert.All(StorageBackends.All, pair => Assert.StartsWith(pair.Value.Scheme, pair.Key, StringComparison.Ordinal));
        Assert.Equal(["postgres", "postgresql", "sqlite"], StorageBackends.All.Keys.Order(StringComparer.Ordinal));
        Assert.Same(StorageBackends.All["postgres"], StorageBackends.All["postgresql"]);
    }
}
