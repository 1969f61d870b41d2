namespace Recur.Core.Project;

/// <summary>
/// One gateway route of <c>serving.routes</c>: how a model's requests reach its versions when the client names
/// no version or alias. Weighted targets (a canary), optionally sticky by key, an optional shadow that scores a
/// copy of the traffic, and an optional fast first phase.
/// </summary>
public sealed class RouteConfig
{
    /// <summary>The route's name; <c>default</c> is used when a request names none (<c>?route=NAME</c> picks another).</summary>
    public string Name { get; set; } = DefaultName;

    /// <summary>The model the route serves; empty means the project's model (<c>name:</c>).</summary>
    public string Model { get; set; } = "";

    /// <summary>The versions answering, each by version or alias with a weight in percent; the weights add up to 100.</summary>
    public List<RouteTargetConfig> Targets { get; set; } = [];

    /// <summary>
    /// Whether the same key always reaches the same target (by the Fingerprint64 of the key); false draws each
    /// instance's target at random (seeded).
    /// </summary>
    public bool Sticky { get; set; } = true;

    /// <summary>A version that scores a copy of every request; its answers are logged, never returned.</summary>
    public RouteTargetConfig? Shadow { get; set; }

    /// <summary>A small fast model that answers when confident and forwards the rest to the targets.</summary>
    public TwoPhaseConfig? TwoPhase { get; set; }

    /// <summary>The name a request without <c>?route=</c> uses.</summary>
    public const string DefaultName = "default";
}

/// <summary>A version a route sends traffic to: exactly one of <see cref="Version"/> and <see cref="Alias"/>.</summary>
public sealed class RouteTargetConfig
{
    /// <summary>An explicit version number.</summary>
    public int? Version { get; set; }

    /// <summary>An alias, followed when it moves (e.g. <c>champion</c>, <c>challenger</c>).</summary>
    public string? Alias { get; set; }

    /// <summary>The share of the traffic in percent; may be left out when the route has one target (100).</summary>
    public double? Weight { get; set; }

    /// <inheritdoc />
    public override string ToString() => Version is { } v ? $"version {v}" : $"alias '{Alias}'";
}

/// <summary>Two-phase predictions: the fast model's answer stands when its top-class probability reaches <see cref="Confidence"/>.</summary>
public sealed class TwoPhaseConfig
{
    /// <summary>The fast first-phase model (a version or alias of the same model).</summary>
    public RouteTargetConfig Fast { get; set; } = new();

    /// <summary>The top-class probability in [0, 1] at which the fast answer stands; below it the row goes to the full model.</summary>
    public double Confidence { get; set; } = 0.9;
}
