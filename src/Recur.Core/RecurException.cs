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

    /// <summary>Creates an <see cref="FailureKind.InvalidInput"/> failure.</summary>
    public static RecurException Invalid(string message, string? field = null) => new(FailureKind.InvalidInput, message, field);

    /// <summary>Creates a <see cref="FailureKind.NotFound"/> failure.</summary>
    public static RecurException NotFound(string message) => new(FailureKind.NotFound, message);
}
