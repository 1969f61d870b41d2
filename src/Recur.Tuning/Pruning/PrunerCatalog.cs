using Recur.Core;

namespace Recur.Tuning;

/// <summary>The pruners by the name recur.yaml uses (<c>training.search.pruner</c>).</summary>
public static class PrunerCatalog
{
    private static readonly Dictionary<string, Func<IPruner>> Pruners = new(StringComparer.Ordinal)
    {
        ["none"] = () => new NoPruner(),
        ["median"] = () => new MedianPruner(),
        ["asha"] = () => new AshaPruner(),
    };

    /// <summary>The known names.</summary>
    public static IReadOnlyCollection<string> Names => Pruners.Keys;

    /// <summary>The pruner called <paramref name="name"/>; an unknown name fails naming <paramref name="key"/> and the known names.</summary>
    public static IPruner Get(string name, string key) => Pruners.TryGetValue(name ?? "", out var make)
        ? make()
        : throw RecurException.Invalid($"{key}: unknown pruner '{name}'; known: {string.Join(", ", Pruners.Keys)}", key);
}
