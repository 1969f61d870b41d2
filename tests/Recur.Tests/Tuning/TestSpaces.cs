using Recur.Tuning;

namespace Recur.Tests.Tuning;

/// <summary>Spaces and known functions the sampler tests optimise.</summary>
internal static class TestSpaces
{
    public static readonly SearchSpace Gbm = new([
        new ParameterSpace("trees", ParameterKind.Int, 20, 500, Log: true),
        new ParameterSpace("leaves", ParameterKind.Int, 4, 128),
        new ParameterSpace("learning_rate", ParameterKind.Real, 0.001, 0.5, Log: true),
        new ParameterSpace("feature_fraction", ParameterKind.Real, 0.3, 1.0),
    ]);

    public static readonly SearchSpace Conditional = new([
        new ParameterSpace("trainer", ParameterKind.Choice, Choices: ["a", "b", "c"]),
        new ParameterSpace("x", ParameterKind.Real, -5, 5, When: new Condition("trainer", ["a", "b"])),
        new ParameterSpace("rate", ParameterKind.Real, 1e-4, 1, Log: true, When: new Condition("trainer", ["a"])),
        new ParameterSpace("n", ParameterKind.Int, 1, 50, When: new Condition("trainer", ["c"])),
    ]);

    /// <summary>A shifted sphere in 4 dimensions, one on a log scale: minimum 0 at x = (1.5, -2, 0.7), rate = 0.01.</summary>
    public static readonly SearchSpace Sphere = new([
        new ParameterSpace("x0", ParameterKind.Real, -5, 5),
        new ParameterSpace("x1", ParameterKind.Real, -5, 5),
        new ParameterSpace("x2", ParameterKind.Real, -5, 5),
        new ParameterSpace("rate", ParameterKind.Real, 1e-5, 1, Log: true),
    ]);

    public static double SphereValue(IReadOnlyDictionary<string, string> p)
    {
        var d0 = p.GetReal("x0") - 1.5;
        var d1 = p.GetReal("x1") + 2;
        var d2 = p.GetReal("x2") - 0.7;
        var d3 = Math.Log10(p.GetReal("rate")) + 2;
        return d0 * d0 + d1 * d1 + d2 * d2 + d3 * d3;
    }

    /// <summary>Branin on [-5, 10] × [0, 15]: global minimum 0.397887.</summary>
    public static readonly SearchSpace Branin = new([
        new ParameterSpace("x", ParameterKind.Real, -5, 10),
        new ParameterSpace("y", ParameterKind.Real, 0, 15),
    ]);

    public static double BraninValue(IReadOnlyDictionary<string, string> p)
    {
        var x = p.GetReal("x");
        var y = p.GetReal("y");
        const double b = 5.1 / (4 * Math.PI * Math.PI), c = 5 / Math.PI, t = 1 / (8 * Math.PI);
        var a = y - b * x * x + c * x - 6;
        return a * a + 10 * (1 - t) * Math.Cos(x) + 10;
    }

    /// <summary>
    /// The conditional space's function: trainer a is best (0 at x = 2, rate = 0.001), b shares x's optimum with a floor of 0.5,
    /// c has a floor of 2 with a minimum at n = 37.
    /// </summary>
    public static double ConditionalValue(IReadOnlyDictionary<string, string> p) => p.GetChoice("trainer") switch
    {
        "a" => Math.Pow(p.GetReal("x") - 2, 2) + Math.Pow(Math.Log10(p.GetReal("rate")) + 3, 2) / 4,
        "b" => 0.5 + Math.Pow(p.GetReal("x") - 2, 2),
        _ => 2 + Math.Abs(p.GetInt("n") - 37) / 10.0,
    };
}
