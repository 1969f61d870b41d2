namespace Recur.Serving.Routing;

/// <summary>A compiled gateway route: who answers a model's requests when the client names no version or alias.</summary>
/// <param name="Name">The route's name (<c>default</c> unless named).</param>
/// <param name="Model">The model served.</param>
/// <param name="Targets">The answering versions with their weights in percent (adding up to 100).</param>
/// <param name="Sticky">Whether a key always reaches the same target (Fingerprint64 of the key).</param>
/// <param name="Shadow">A version scoring a copy of the traffic, logged only; or null.</param>
/// <param name="TwoPhase">The fast first phase; or null.</param>
public sealed record Route(string Name, string Model, IReadOnlyList<RouteTarget> Targets, bool Sticky, ModelSelector? Shadow, TwoPhase? TwoPhase)
{
    /// <summary>Every selector the route may use (targets, shadow, fast phase), for warming and checks.</summary>
    public IEnumerable<ModelSelector> Selectors =>
        Targets.Select(t => t.Selector).Concat(Shadow is null ? [] : [Shadow]).Concat(TwoPhase is null ? [] : [TwoPhase.Fast]);
}

/// <summary>One weighted target of a route.</summary>
public sealed record RouteTarget(ModelSelector Selector, double Weight);

/// <summary>The fast phase of a two-phase route: its answer stands when its top-class probability reaches <paramref name="Confidence"/>.</summary>
public sealed record TwoPhase(ModelSelector Fast, double Confidence);
