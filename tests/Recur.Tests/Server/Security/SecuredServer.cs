using Microsoft.AspNetCore.Builder;
using Recur.Core.Security;
using Recur.Server;
using Recur.Storage.Sqlite;

namespace Recur.Tests.Server.Security;

/// <summary>A real server (Kestrel on a free loopback port) for a tiny project, with keys created before it starts.</summary>
internal sealed class SecuredServer : IAsyncDisposable
{
    private readonly TempDir _dir = new();

    private SecuredServer() { }

    public WebApplication App { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public Dictionary<string, string> Keys { get; } = [];

    public IApiKeyStore Store => (IApiKeyStore)App.Services.GetService(typeof(IApiKeyStore))!;

    /// <summary>Starts a server whose recur.yaml has <paramref name="serving"/> under serving:, with one key per (name, scopes).</summary>
    public static async Task<SecuredServer> StartAsync(string serving, params (string Name, ApiScopes Scopes)[] keys)
    {
        var server = new SecuredServer();
        server._dir.Write("p/data.csv", "id,x,y\n1,0.5,yes\n2,1.5,no\n3,2.5,yes\n");
        server._dir.Write("p/recur.yaml", $"name: m\nlabel: y\ndatasets:\n  train:\n    source: data.csv\nserving:\n{serving}\n");
        var store = new SqliteApiKeyStore(new SqliteDatabase(server._dir.Path("p/.recur/recur.db")));
        foreach (var (name, scopes) in keys)
        {
            var (text, prefix, hash) = ApiKeyText.Generate();
            await store.CreateAsync(new NewApiKey(name, prefix, hash, scopes, DateTimeOffset.UtcNow));
            server.Keys[name] = text;
        }
        server.App = RecurServer.Create(server._dir.Path("p"), "http://127.0.0.1:0");
        await server.App.StartAsync();
        server.Http = new HttpClient { BaseAddress = new Uri(RecurServer.Address(server.App)) };
        return server;
    }

    /// <summary>A request carrying <paramref name="key"/> (by name) as a bearer token, or no key when null.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? key, string? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (key is not null) request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Keys.GetValueOrDefault(key, key));
        if (body is not null) request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        return await Http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        _dir.Dispose();
    }
}
