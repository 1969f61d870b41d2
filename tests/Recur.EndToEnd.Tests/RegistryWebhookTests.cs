using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Recur.EndToEnd.Tests;

/// <summary>Webhooks declared in recur.yaml hear registrations and promotions from the CLI, signed, retried after a 500.</summary>
public sealed class RegistryWebhookTests : IDisposable
{
    private const string SecretVariable = "RECUR_E2E_WEBHOOK_SECRET";
    private const string Secret = "e2e-shared-secret";
    private readonly TempDir _dir = new();
    private readonly HttpListener _listener = new();

    [Fact]
    public async Task TrainAndPromote_PostSignedEvents_RetryingAfterA500()
    {
        var port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/hook/");
        _listener.Start();
        Environment.SetEnvironmentVariable(SecretVariable, Secret);
        var root = _dir.Path("adult");
        Directory.CreateDirectory(Path.Combine(root, "data"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "data", "adult-small", "train.csv"), Path.Combine(root, "data", "train.csv"));
        await CliRunner.OkAsync(_dir.Root, "init", "--project", root, "--source", Path.Combine(root, "data", "train.csv"), "--label", "income", "--key", "id", "--name", "adult");
        await File.AppendAllTextAsync(Path.Combine(root, "recur.yaml"),
            $"\nregistry:\n  webhooks:\n    - url: http://127.0.0.1:{port}/hook/\n      events: [registered, alias_moved]\n      secret_env: {SecretVariable}\n");
        // The first delivery is refused with a 500; the retry and the promotion's delivery are accepted.
        var received = Serve([500, 200, 200]);

        await CliRunner.OkAsync(root, "ingest", "train", "--project", root);
        await CliRunner.OkAsync(root, "train", "--project", root);
        await CliRunner.OkAsync(root, "models", "promote", "1", "--alias", "production", "--reason", "first release", "--actor", "carol", "--project", root);
        var deliveries = await received.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(3, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal(Sign(d.Body), d.Signature));
        Assert.Equal(deliveries[0].Body, deliveries[1].Body);
        var registered = JsonDocument.Parse(deliveries[1].Body).RootElement;
        var promoted = JsonDocument.Parse(deliveries[2].Body).RootElement;
        Assert.Equal(("registered", 1, "champion"), (registered.GetProperty("kind").GetString(), registered.GetProperty("version").GetInt32(), registered.GetProperty("alias").GetString()));
        Assert.Equal(("promoted", "carol", "first release", "production"), (promoted.GetProperty("kind").GetString(), promoted.GetProperty("actor").GetString(),
            promoted.GetProperty("reason").GetString(), promoted.GetProperty("alias").GetString()));
        var history = (await CliRunner.OkAsync(root, "models", "history", "--json", "--project", root)).Json.GetProperty("events");
        Assert.Equal(promoted.GetProperty("id").GetInt64(), history[0].GetProperty("id").GetInt64());
    }

    private static string Sign(byte[] body) => "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), body));

    private Task<List<(byte[] Body, string? Signature)>> Serve(int[] statuses) => Task.Run(async () =>
    {
        var received = new List<(byte[] Body, string? Signature)>();
        foreach (var status in statuses)
        {
            var context = await _listener.GetContextAsync();
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            received.Add((body.ToArray(), context.Request.Headers["X-Recur-Signature"]));
            context.Response.StatusCode = status;
            context.Response.Close();
        }
        return received;
    });

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (_listener.IsListening) _listener.Stop();
        _listener.Close();
        _dir.Dispose();
    }
}
