namespace Recur.Core.Project;

/// <summary>Limits and host names of the REST server (<c>recur serve</c>).</summary>
public sealed class ServingConfig
{
    /// <summary>Largest request body accepted, in bytes; a larger one is answered 413.</summary>
    public long MaxBodyBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>Longest key (prediction or feedback), in characters.</summary>
    public int MaxKeyLength { get; set; } = 256;

    /// <summary>Longest text value (a feature value or a label), in characters.</summary>
    public int MaxTextLength { get; set; } = 4096;

    /// <summary>
    /// Host names the server answers besides localhost, 127.0.0.1 and [::1] when bound to loopback (a defence
    /// against DNS rebinding). When bound to another address and this is empty, every host name is answered.
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>Gateway routes (canary weights, sticky keys, shadow, two-phase); re-read by a running server when recur.yaml changes.</summary>
    public List<RouteConfig> Routes { get; set; } = [];

    /// <summary>
    /// How old, in seconds, a published batch prediction may be and still be served by key
    /// (<c>/v1/models/{name}/predictions/{key}</c>); a request's <c>?max_age</c> overrides it; null: any age.
    /// </summary>
    public double? PublishedMaxAge { get; set; }

    /// <summary>
    /// API keys: <c>auto</c> (default: open while bound to loopback and no key was ever created, keys required
    /// otherwise), <c>required</c>, or <c>off</c> (open, even bound to another address). See docs/design/api-keys.md.
    /// </summary>
    public string Auth { get; set; } = "auto";

    /// <summary>Whether <c>/metrics</c> answers without a key (default); false: it needs the predict scope.</summary>
    public bool OpenMetrics { get; set; } = true;

    /// <summary>The server's log lines on stderr: <c>text</c> (default) or <c>json</c> (one JSON object a line, with the request id).</summary>
    public string LogFormat { get; set; } = "text";

    /// <summary>One Information line per request (method, path, status, ms, model, version, request id, key name); off by default.</summary>
    public bool AccessLog { get; set; }

    /// <summary>
    /// Seconds <c>recur serve</c> waits at start for a store that does not answer (a database still starting), trying
    /// once a second with one log line each, before it fails in one line; 0 (the default) fails at once. Nothing listens
    /// meanwhile, so readiness probes fail until the store answers (see <see cref="StoreDownAtStart"/> to listen instead).
    /// </summary>
    public double StoreWaitSeconds { get; set; }

    /// <summary>
    /// What <c>recur serve</c> does when its store does not answer at start: <c>fail</c> (default) exits in one line
    /// naming the store, after trying for <see cref="StoreWaitSeconds"/>; <c>listen</c> listens at once, not ready
    /// (/readyz 503 naming the store, other requests 503 with Retry-After), tries again once a second and becomes ready
    /// when the store answers (<see cref="StoreWaitSeconds"/> is not used).
    /// </summary>
    public string StoreDownAtStart { get; set; } = "fail";

    /// <summary>The prediction log of the server: durability, local log folder, back-pressure (see <see cref="ServingLogConfig"/>).</summary>
    public ServingLogConfig Log { get; set; } = new();
}
