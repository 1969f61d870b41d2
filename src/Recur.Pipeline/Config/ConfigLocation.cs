using Recur.Core;

namespace Recur.Pipeline.Config;

/// <summary>
/// Puts the line and column of a recur.yaml key into an error about it, so every configuration error reads
/// <c>recur.yaml: line L, column C: …</c> whether it was found when the file loaded or when the data was first seen.
/// </summary>
public static class ConfigLocation
{
    private const string Prefix = "recur.yaml: ";

    /// <summary>
    /// The error with the position of its key (<see cref="RecurException.Field"/>, e.g. <c>label</c> or
    /// <c>training.candidates[1].params.leaves</c>) in the project file's text. An error that already names a
    /// line, or whose key the file does not spell out (a default), keeps its position-free message.
    /// </summary>
    public static RecurException AtLine(RecurException error, string text)
    {
        ArgumentNullException.ThrowIfNull(error);
        var message = error.Message.StartsWith(Prefix, StringComparison.Ordinal) ? error.Message[Prefix.Length..] : error.Message;
        if (error.Field is null || message.StartsWith("line ", StringComparison.Ordinal)) return error;
        var path = error.Field.Replace("[", ".", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal).Split('.');
        var at = YamlBinder.Locate(text, path) ?? (path.Length > 1 ? YamlBinder.Locate(text, path[..^1]) : null);
        var where = at is { } mark ? $"line {mark.Line}, column {mark.Column}: " : "";
        return new RecurException(error.Kind, Prefix + where + message, error.Field);
    }

    /// <summary>
    /// Runs a check of the project's data against its recur.yaml (label, task, trainers, metric) and reports a
    /// failure at the line of the key it names.
    /// </summary>
    public static T Checked<T>(string projectRoot, Func<T> check)
    {
        ArgumentNullException.ThrowIfNull(check);
        try
        {
            return check();
        }
        catch (RecurException e) when (e.Field is not null && e.Kind == FailureKind.InvalidInput)
        {
            var file = Path.Combine(projectRoot, RecurProject.FileName);
            throw AtLine(e, File.Exists(file) ? File.ReadAllText(file) : "");
        }
    }
}
