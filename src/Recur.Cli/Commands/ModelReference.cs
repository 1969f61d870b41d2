using Recur.Core;
using Recur.Core.Registry;
using Recur.Pipeline;
using Recur.Pipeline.Steps;

namespace Recur.Cli.Commands;

/// <summary>
/// Resolves the <c>MODEL</c> argument of a command to a registered version: a version number (<c>3</c> or <c>v3</c>),
/// an alias (<c>champion</c>), or the model's name with either (<c>income@champion</c>, <c>income:3</c>); nothing means
/// the champion.
/// </summary>
internal static class ModelReference
{
    public static async Task<ModelVersion> ResolveAsync(RecurProject project, string? reference, int? version, CancellationToken ct)
    {
        var name = project.Config.Name;
        if (version is { } pinned) return await project.Registry.FindAsync(name, pinned, ct) ?? throw RecurException.NotFound($"model '{name}' has no version {pinned}");
        var text = reference?.Trim() ?? "";
        var (model, rest) = text.IndexOfAny(['@', ':']) is var at and >= 0 ? (text[..at], text[at..]) : (text == name ? name : "", text == name ? "" : text);
        if (model.Length > 0 && model != name) throw RecurException.NotFound($"model '{model}' is not this project's model (it registers '{name}')");
        rest = rest.TrimStart('@', ':');
        if (rest.Length == 0) rest = TrainingRun.ChampionAlias;
        var number = rest.StartsWith('v') && rest.Length > 1 && rest[1..].All(char.IsAsciiDigit) ? rest[1..] : rest;
        if (number.All(char.IsAsciiDigit) && int.TryParse(number, out var n))
        {
            return await project.Registry.FindAsync(name, n, ct) ?? throw RecurException.NotFound($"model '{name}' has no version {n}");
        }
        return await project.Registry.ResolveAliasAsync(name, rest, ct)
            ?? throw RecurException.NotFound($"model '{name}' has no alias '{rest}' (give a version number, an alias, or NAME@ALIAS / NAME:VERSION)");
    }
}
