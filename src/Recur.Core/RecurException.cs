namespace Recur.Core;

/// <summary>What kind of failure a <see cref="RecurException"/> reports; hosts map it to exit codes and HTTP statuses.</summary>
public enum FailureKind
{
    /// <summary>The caller's input is wrong (a file, a field, an option). HTTP 400.</summary>
    InvalidInput,
    /// <summary>A named thing (model, version, snapshot, alias) does not exist. HTTP 404.</summary>
    NotFound,
    /// <summary>The request conflicts with stored state. HTTP 409.</summary>
    Conflict,
    /// <summary>The request body is larger than the configured limit. HTTP 413.</summary>
    TooLarge,
    /// <summary>The request body is not in a media type the endpoint reads (JSON). HTTP 415.</summary>
    UnsupportedMediaType,
    /// <summary>
    /// Stored state the request needs is damaged or unreadable (a model file that fails its hash check):
    /// the server's fault, not the caller's. HTTP 503; the CLI exits 1.
    /// </summary>
    Unavailable,
}

/// <summary>
/// A failure caused by the caller or the stored state, with a message precise enough to act on:
/// it names the file, line, column, field or option at fault.
/// </summary>
public sealed class RecurException(FailureKind kind, string message, string? field = null) : Exception(message)
{
    /// <summary>The kind of failure.</summary>
    public FailureKind Kind { get; } = kind;

    /// <summary>The field, option or column at fault, when there is one.</summary>
    public string? Field { get; } = field;

    /// <summary>For a passing <see cref="FailureKind.Unavailable"/> (back-pressure, a full disk): seconds after which to retry (HTTP <c>Retry-After</c>).</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>Creates an <see cref="FailureKind.InvalidInput"/> failure.</summary>
    public static RecurException Invalid(string message, string? field = null) => new(FailureKind.InvalidInput, message, field);

    /// <summary>Creates a <see cref="FailureKind.NotFound"/> failure.</summary>
    public static RecurException NotFound(string message) => new(FailureKind.NotFound, message);

    /// <summary>Creates an <see cref="FailureKind.Unavailable"/> failure.</summary>
    public static RecurException Unavailable(string message) => new(FailureKind.Unavailable, message);
}
