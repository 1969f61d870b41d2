using Recur.Core;

namespace Recur.Tuning;

/// <summary>The samplers by the name recur.yaml uses (<c>training.search.sampler</c>).</summary>
public static class SamplerCatalog
{
    private static readonly Dictionary<string, Func<ISampler>> Samplers = new(StringComparer.Ordinal)
    {
        ["random"] = () => new RandomSampler(),
        ["tpe"] = () => new TpeSampler(),
    };

    /// <summary>The known names.</summary>
    public static IReadOnlyCollection<string> Names => Samplers.Keys;

    /// <summary>The sampler called <paramref name="name"/>; an unknown name fails naming <paramref name="key"/> and the known names.</summary>
    public static ISampler Get(string name, string key) => Samplers.TryGetValue(name ?? "", out var make)
        ? make()
        : throw RecurException.Invalid($"{key}: unknown sampler '{name}'; known: {string.Join(", ", Samplers.Keys)}", key);
}
