using System.Globalization;
using Recur.Core;
using Recur.Features.Embeddings;

namespace Recur.Features.Transforms;

/// <summary>A transform's parameter values, every one validated and defaults filled in.</summary>
public sealed class TransformSettings
{
    private readonly Dictionary<string, string> _values;

    private TransformSettings(Dictionary<string, string> values, string key)
    {
        _values = values;
        Key = key;
    }

    /// <summary>Where the parameters sit in recur.yaml (e.g. "features.transforms[2].params"), for errors found while fitting.</summary>
    public string Key { get; }

    /// <summary>Where a transform that reads a stored artifact (<c>embed</c>) finds it; null when fitting has none.</summary>
    public IEmbeddingSource? Embeddings { get; set; }

    /// <summary>
    /// Validates <paramref name="declared"/> against the transform's parameters. <paramref name="key"/> is where they sit in
    /// recur.yaml (e.g. "features.transforms[2].params"); an error names the offending parameter's key as its field.
    /// </summary>
    public static TransformSettings From(ITransform transform, IReadOnlyDictionary<string, string> declared, string key)
    {
        var values = transform.Parameters.ToDictionary(p => p.Name, p => p.Default, StringComparer.Ordinal);
        foreach (var (name, text) in declared)
        {
            var parameter = transform.Parameters.FirstOrDefault(p => p.Name == name)
                ?? throw RecurException.Invalid(
                    $"{key}.{name}: unknown parameter '{name}' for transform '{transform.Name}' (known: {(transform.Parameters.Count == 0 ? "none" : string.Join(", ", transform.Parameters.Select(p => p.Name)))})", $"{key}.{name}");
            if (parameter.Problem(text) is { } problem) throw RecurException.Invalid($"{key}.{name}: {problem}", $"{key}.{name}");
            values[name] = text;
        }
        if (transform.Parameters.FirstOrDefault(p => p.Kind == ParameterKind.Name && values[p.Name].Length == 0) is { } missing)
        {
            throw RecurException.Invalid($"{key}.{missing.Name}: transform '{transform.Name}' needs {missing.Name}: ({missing.Description})", $"{key}.{missing.Name}");
        }
        return new TransformSettings(values, key);
    }

    /// <summary>Settings from plain values (defaults for the rest), for defaults the chain chooses itself.</summary>
    public static TransformSettings Defaults(ITransform transform, params (string Name, string Value)[] values) =>
        From(transform, values.ToDictionary(v => v.Name, v => v.Value), "features");

    /// <summary>An integer parameter.</summary>
    public int Int(string name) => (int)double.Parse(_values[name], CultureInfo.InvariantCulture);

    /// <summary>A real parameter; null when unset.</summary>
    public double? Real(string name) => _values[name].Length == 0 ? null : double.Parse(_values[name], CultureInfo.InvariantCulture);

    /// <summary>A word parameter.</summary>
    public string Text(string name) => _values[name];

    /// <summary>A flag parameter.</summary>
    public bool Flag(string name) => _values[name] == "true";

    /// <summary>A list parameter; empty when unset.</summary>
    public double[] Numbers(string name) => _values[name].Length == 0 ? [] : TransformParameter.ParseNumbers(_values[name])!;
}
