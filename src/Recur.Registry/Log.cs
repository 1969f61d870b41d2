using Microsoft.Extensions.Logging;

namespace Recur.Registry;

/// <summary>The registry module's log messages (event ids 5000–5099), source-generated.</summary>
internal static partial class RegistryLog
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Information, Message = "Stored artifact {Sha256} ({Bytes} bytes)")]
    public static partial void ArtifactStored(this ILogger logger, string sha256, long bytes);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Debug, Message = "Artifact {Sha256} was already stored")]
    public static partial void ArtifactAlreadyStored(this ILogger logger, string sha256);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Artifact {Sha256} is not in the artifact store")]
    public static partial void ArtifactMissing(this ILogger logger, string sha256);

    [LoggerMessage(EventId = 5010, Level = LogLevel.Information, Message = "Gate for {Model} (attempt {Attempt}): {Verdict} against champion {Champion}: {Reason}")]
    public static partial void GateDecided(this ILogger logger, string model, int attempt, string verdict, string champion, string reason);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Warning, Message = "The champion of {Model} moved while a candidate was gated against {Champion}; gating again")]
    public static partial void ChampionMovedMeanwhile(this ILogger logger, string model, string champion);

    [LoggerMessage(EventId = 5012, Level = LogLevel.Information, Message = "Candidate of {Model} is byte-identical to version {Version}; nothing new registered")]
    public static partial void SameAsExisting(this ILogger logger, string model, int version);
}

/// <summary>The webhook log messages (event ids 5020–5029), source-generated.</summary>
internal static partial class WebhookLog
{
    [LoggerMessage(EventId = 5020, Level = LogLevel.Information, Message = "Webhook {Url}: delivered {Kind} event {Id} (attempt {Attempt})")]
    public static partial void WebhookDelivered(this ILogger logger, string url, string kind, long id, int attempt);

    [LoggerMessage(EventId = 5021, Level = LogLevel.Warning, Message = "Webhook {Url}: {Kind} event {Id}, attempt {Attempt} of {Attempts} failed: {Outcome}")]
    public static partial void WebhookAttemptFailed(this ILogger logger, string url, string kind, long id, int attempt, int attempts, string outcome);

    [LoggerMessage(EventId = 5022, Level = LogLevel.Warning, Message = "Webhook {Url}: event {Id} not sent: its secret variable {Variable} is not set")]
    public static partial void WebhookSecretMissing(this ILogger logger, string url, string variable, long id);
}
