namespace Recur.Core.Project;

/// <summary>recur.yaml <c>registry:</c>, what the registry does beyond storing versions; nothing by default.</summary>
public sealed class RegistryConfig
{
    /// <summary>HTTP endpoints told of registry events (registrations, alias moves, tags).</summary>
    public List<WebhookConfig> Webhooks { get; set; } = [];
}

/// <summary>
/// One webhook of <c>registry.webhooks</c>: an HTTP POST of each chosen event's JSON, signed with HMAC-SHA256 when a
/// secret is named, retried with backoff on a failure or a 5xx. A delivery failure is logged, never fails the change.
/// </summary>
public sealed class WebhookConfig
{
    /// <summary>The absolute http(s) URL to POST to.</summary>
    public string Url { get; set; } = "";

    /// <summary>
    /// The event kinds to send (<c>registered</c>, <c>alias_moved</c>, <c>promoted</c>, <c>rolled_back</c>, <c>tag_set</c>,
    /// <c>tag_removed</c>); <c>alias_moved</c> also matches promotions and rollbacks. Empty: every event.
    /// </summary>
    public List<string> Events { get; set; } = [];

    /// <summary>The environment variable holding the signing secret; empty: unsigned.</summary>
    public string SecretEnv { get; set; } = "";

    /// <summary>Delivery attempts in all (1–10); 3 by default, waiting 0.5 s, then 1 s between them.</summary>
    public int Attempts { get; set; } = 3;

    /// <summary>Seconds each attempt may take (1–60); 5 by default.</summary>
    public int TimeoutSeconds { get; set; } = 5;

    /// <summary>Whether the webhook wants events of this kind.</summary>
    public bool Wants(string kind) =>
        Events.Count == 0 || Events.Contains(kind) || (Events.Contains(Registry.RegistryEventKinds.AliasMoved) && Registry.RegistryEventKinds.MovesAlias(kind));
}
