using System.Diagnostics;
using System.Net;
using Recur.Core;
using Recur.Core.Security;
using Recur.Server;

namespace Recur.Tests.Server.Security;

/// <summary>serving.auth: open on loopback until a key exists (auto), refused open on another address, off when asked.</summary>
public sealed class AuthModeTests
{
    [Fact]
    public async Task Auto_LoopbackWithoutKeys_IsOpenUntilAKeyIsCreated()
    {
        await using var server = await SecuredServer.StartAsync("  auth: auto");
        using (var open = await server.SendAsync(HttpMethod.Get, "/v1/models", key: null)) Assert.Equal(HttpStatusCode.OK, open.StatusCode);

        var (text, prefix, hash) = ApiKeyText.Generate();
        await server.Store.CreateAsync(new NewApiKey("first", prefix, hash, ApiScopes.Predict, DateTimeOffset.UtcNow));
        var clock = Stopwatch.StartNew();
        HttpStatusCode status;
        do
        {
            using var response = await server.SendAsync(HttpMethod.Get, "/v1/models", key: null);
            status = response.StatusCode;
            if (status != HttpStatusCode.Unauthorized) await Task.Delay(20);
        }
        while (status != HttpStatusCode.Unauthorized && clock.Elapsed < TimeSpan.FromSeconds(5));

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        using var keyed = await server.SendAsync(HttpMethod.Get, "/v1/models", text);
        Assert.Equal(HttpStatusCode.OK, keyed.StatusCode);
    }

    [Fact]
    public void Auto_PublicAddressWithoutKeys_RefusesToStartSayingWhatToDo()
    {
        using var dir = new TempDir();
        dir.Write("p/recur.yaml", "name: m\nlabel: y\n");

        var e = Assert.Throws<RecurException>(() => RecurServer.Create(dir.Path("p"), "http://0.0.0.0:0"));

        Assert.Equal("serving.auth", e.Field);
        Assert.Contains("recur keys create", e.Message);
        Assert.Contains("serving.auth: off", e.Message);
    }

    [Fact]
    public async Task Off_PublicAddressWithoutKeys_Starts()
    {
        using var dir = new TempDir();
        dir.Write("p/recur.yaml", "name: m\nlabel: y\nserving:\n  auth: off\n");

        await using var app = RecurServer.Create(dir.Path("p"), "http://0.0.0.0:0");

        Assert.NotNull(app);
    }

    [Fact]
    public void Load_UnknownAuthMode_NamesTheLineAndTheModes()
    {
        using var dir = new TempDir();
        dir.Write("p/recur.yaml", "name: m\nlabel: y\nserving:\n  auth: sometimes\n");

        var e = Assert.Throws<RecurException>(() => Recur.Pipeline.RecurServices.Load(dir.Path("p")));

        Assert.Contains("line 4", e.Message);
        Assert.Contains("'sometimes' is not a mode (modes: auto, required, off)", e.Message);
    }
}
