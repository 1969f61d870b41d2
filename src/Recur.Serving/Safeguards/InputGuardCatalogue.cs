using Recur.Serving.Safeguards.Internal;

namespace Recur.Serving.Safeguards;

/// <summary>The input guards, by the name used in recur.yaml. Adding one is a class and a line here.</summary>
public static class InputGuardCatalogue
{
    /// <summary>Every input guard by its kind.</summary>
    public static readonly IReadOnlyDictionary<string, IInputGuard> ByKind = new IInputGuard[]
    {
        new RangeGuard(),
        new DomainGuard(),
        new MissingGuard(),
    }.ToDictionary(g => g.Kind, StringComparer.Ordinal);
}
