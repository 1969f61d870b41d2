using System.Net;
using System.Net.Sockets;
using Recur.Core.Project;
using Recur.Core.Registry;
using Recur.Registry.Webhooks;

namespace Recur.Tests.Registry.Webhooks;

/// <summary>The webhook publisher against a real local HTTP listener.</summary>
public sealed class WebhookPublisherTests : IDisposable
{
    private const string SecretVariable = "RECUR_TEST_WEBHOOK_SECRET";
    private readonly HttpListener _listener = new();
    private readonly string _url;

    public WebhookPublisherTests()
    {
        var port = FreePort();
        _url = $"http://127.0.0.1:{port}/hook/";
        _listener.Prefixes.Add(_url);
        _listener.Start();
        Environment.SetEnvironmentVariable(SecretVariable, "top-secret");
    }

    private static RegistryEvent Event(string kind = RegistryEventKinds.Promoted) => new(7, "credit", kind, DateTimeOffset.UnixEpoch, "alice", "better",
        2, "champion", 1, null, null, new Dictionary<string, double> { ["auc"] = 0.9, ["previous.auc"] = 0.8 });

    private WebhookPublisher Publisher(int attempts = 3, params string[] events) => new(
        new RegistryConfig { Webhooks = [new WebhookConfig { Url = _url, Events = [.. events], SecretEnv = SecretVariable, Attempts = attempts }] },
        new HttpClient(), TimeProvider.System);

    [Fact]
    public async Task PublishAsync_FirstAttemptGets500_RetriesAndTheSignatureVerifies()
    {
        var received = new List<(byte[] Body, string? Signature)>();
        var server = Serve(received, statuses: [500, 200]);

        await Publisher().PublishAsync(Event());
        await server;

        Assert.Equal(2, received.Count);
        Assert.All(received, r => Assert.True(WebhookSignature.Verify(r.Body, "top-secret", r.Signature)));
        Assert.False(WebhookSignature.Verify(received[0].Body, "wrong", received[0].Signature));
        Assert.Equal(WebhookPublisher.Body(Event()), received[1].Body);
        Assert.Contains("\"previous_version\":1", System.Text.Encoding.UTF8.GetString(received[1].Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishAsync_EveryAttemptFails_GivesUpWithoutThrowing()
    {
        var received = new List<(byte[] Body, string? Signature)>();
        var server = Serve(received, statuses: [503, 503]);

        await Publisher(attempts: 2).PublishAsync(Event());
        await server;

        Assert.Equal(2, received.Count);
    }

    [Fact]
    public async Task PublishAsync_NobodyListening_DoesNotThrow()
    {
        _listener.Stop();

        await Publisher(attempts: 2).PublishAsync(Event());
    }

    [Fact]
    public async Task PublishAsync_EventNotWanted_SendsNothing()
    {
        var received = new List<(byte[] Body, string? Signature)>();
        var server = Serve(received, statuses: [200]);

        await Publisher(3, RegistryEventKinds.Registered).PublishAsync(Event(RegistryEventKinds.TagSet));
        await Publisher(3, RegistryEventKinds.Registered).PublishAsync(Event(RegistryEventKinds.Registered));
        await server;

        var only = Assert.Single(received);
        Assert.Contains("\"kind\":\"registered\"", System.Text.Encoding.UTF8.GetString(only.Body), StringComparison.Ordinal);
    }

    private Task Serve(List<(byte[] Body, string? Signature)> received, int[] statuses) => Task.Run(async () =>
    {
        foreach (var status in statuses)
        {
            var context = await _listener.GetContextAsync();
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            received.Add((body.ToArray(), context.Request.Headers[WebhookSignature.Header]));
            context.Response.StatusCode = status;
            context.Response.Close();
        }
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
    }
}
