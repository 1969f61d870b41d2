using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Recur.Core;

namespace Recur.Features.Transforms;

/// <summary>
/// The transforms recur.yaml may name, looked up by name. Adding one is adding an <see cref="ITransform"/> here;
/// the saved chain's JSON tags each fitted step with its transform's name, taken from this catalogue.
/// </summary>
public sealed class TransformCatalog
{
    private readonly Dictionary<string, ITransform> _byName;

    /// <summary>A catalogue of the given transforms (names must be unique).</summary>
    public TransformCatalog(IEnumerable<ITransform> transforms)
    {
        _byName = transforms.ToDictionary(t => t.Name, StringComparer.Ordinal);
        JsonOptions = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { Tag } },
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        };
    }

    /// <summary>Every transform Recur ships.</summary>
    public static TransformCatalog Standard { get; } = new(
    [
        new Standardize(), new MinMax(), new LogTransform(), new Clip(), new Bucketize(), new Impute(),
        new OneHot(), new HashTransform(), new Cross(), new Tfidf(), new DateParts(), new Embed(),
    ]);

    /// <summary>Every transform, in registration order.</summary>
    public IReadOnlyCollection<ITransform> Transforms => _byName.Values;

    /// <summary>How a chain of this catalogue's fitted transforms is written and read.</summary>
    public JsonSerializerOptions JsonOptions { get; }

    /// <summary>The transform of that name, or null.</summary>
    public ITransform? Find(string name) => _byName.GetValueOrDefault(name);

    /// <summary>The transform of that name; an error naming <paramref name="key"/> and the known transforms otherwise.</summary>
    public ITransform Get(string name, string key) =>
        Find(name) ?? throw RecurException.Invalid($"{key}: unknown transform '{name}' (known: {string.Join(", ", _byName.Keys)})", key);

    // Saved steps are tagged "transform": NAME, the same name recur.yaml uses.
    private void Tag(JsonTypeInfo info)
    {
        if (info.Type != typeof(FittedTransform)) return;
        info.PolymorphismOptions = new JsonPolymorphismOptions { TypeDiscriminatorPropertyName = "transform", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization };
        foreach (var t in _byName.Values) info.PolymorphismOptions.DerivedTypes.Add(new JsonDerivedType(t.FittedType, t.Name));
    }
}
