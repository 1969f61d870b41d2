using System.Text.Json;
using Recur.Core;

namespace Recur.Training.Composition;

/// <summary>Every composition a model file may name, by name. A new framing registers its composition here (one line).</summary>
public static class CompositionCatalog
{
    /// <summary>How specs are written and read: web naming, no indentation (their bytes are part of the model file's hash).</summary>
    public static readonly JsonSerializerOptions SpecOptions = new(JsonSerializerDefaults.Web);

    private static readonly Dictionary<string, IComposition> ByName = new(StringComparer.Ordinal);

    static CompositionCatalog()
    {
        Register(new AverageComposition());
        Register(new CascadeComposition());
        Register(new NeutralComposition());
        Register(new BucketComposition());
        Register(new ThresholdComposition());
        Register(new MultilabelComposition());
        Register(new StackingComposition());
    }

    /// <summary>Every registered composition.</summary>
    public static IReadOnlyCollection<IComposition> All => ByName.Values;

    /// <summary>Adds a composition (its name must be new).</summary>
    public static void Register(IComposition composition)
    {
        lock (ByName)
        {
            if (!ByName.TryAdd(composition.Name, composition)) throw new InvalidOperationException($"composition '{composition.Name}' is registered twice");
        }
    }

    /// <summary>The composition of that name; a model file naming an unknown one is refused with the name.</summary>
    public static IComposition Get(string name, string source)
    {
        lock (ByName)
        {
            return ByName.TryGetValue(name, out var found) ? found
                : throw RecurException.Invalid($"{source}: unknown composition '{name}' (this build knows {string.Join(", ", ByName.Keys.Order(StringComparer.Ordinal))})");
        }
    }

    /// <summary>A spec value as the JSON element saved in the model file.</summary>
    public static JsonElement ToSpec<T>(T spec) => JsonSerializer.SerializeToElement(spec, SpecOptions);
}
