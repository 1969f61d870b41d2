using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Recur.Core.Project;
using Recur.Core.Registry;

namespace Recur.Registry.Webhooks;

/// <summary>
/// Sends each registry event to the webhooks that want it, after its change committed: a POST of the event's JSON
/// (snake_case), signed when the webhook names a secret, retried with doubling waits on a network failure, a timeout
/// or a 5xx. A 4xx is not retried (the receiver refused it). Never throws: a failed delivery is logged.
/// </summary>
public sealed class WebhookPublisher(RegistryConfig config, HttpClient http, TimeProvider time, ILogger<WebhookPublisher>? logger = null) : IRegistryEventSink
{
    private static readonly TimeSpan FirstWait = TimeSpan.FromMilliseconds(500);
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    /// <summary>The JSON body sent for an event.</summary>
    public static byte[] Body(RegistryEvent registryEvent) => JsonSerializer.SerializeToUtf8Bytes(registryEvent, Options);

    /// <inheritdoc />
    public async Task PublishAsync(RegistryEvent registryEvent, CancellationToken ct = default)
    {
        var body = Body(registryEvent);
        foreach (var hook in config.Webhooks.Where(h => h.Wants(registryEvent.Kind))) await DeliverAsync(hook, registryEvent, body, ct);
    }

    private async Task DeliverAsync(WebhookConfig hook, RegistryEvent e, byte[] body, CancellationToken ct)
    {
        string? secret = null;
        if (hook.SecretEnv.Length > 0 && (secret = Environment.GetEnvironmentVariable(hook.SecretEnv)) is not { Length: > 0 })
        {
            _logger.WebhookSecretMissing(hook.Url, hook.SecretEnv, e.Id);
            return;
        }
        var wait = FirstWait;
        for (var attempt = 1; attempt <= hook.Attempts; attempt++)
        {
            var outcome = await AttemptAsync(hook, body, secret, ct);
            if (outcome is null)
            {
                _logger.WebhookDelivered(hook.Url, e.Kind, e.Id, attempt);
                return;
            }
            var final = attempt == hook.Attempts || outcome.StartsWith("HTTP 4", StringComparison.Ordinal);
            _logger.WebhookAttemptFailed(hook.Url, e.Kind, e.Id, attempt, hook.Attempts, outcome);
            if (final) return;
            await Task.Delay(wait, time, ct);
            wait *= 2;
        }
    }

    // Null when delivered; else what went wrong, in a few words.
    private async Task<string?> AttemptAsync(WebhookConfig hook, byte[] body, string? secret, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, hook.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (secret is not null) request.Headers.Add(WebhookSignature.Header, WebhookSignature.Of(body, secret));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(hook.TimeoutSeconds));
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (HttpRequestException x)
        {
            return x.Message;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return $"no answer within {hook.TimeoutSeconds} s";
        }
    }
}
