namespace Recur.Tuning.Internal;

/// <summary>Uniform draws of one parameter, shared by the random sampler and TPE's start-up trials.</summary>
internal static class Draw
{
    /// <summary>A value drawn uniformly (on the log scale when the parameter asks), formatted as the journal keeps it.</summary>
    public static string Uniform(ParameterSpace p, Random random)
    {
        switch (p.Kind)
        {
            case ParameterKind.Choice:
                return p.Choices![random.Next(p.Choices.Count)];
            case ParameterKind.Int:
                {
                    var low = Math.Ceiling(p.Low);
                    var high = Math.Floor(p.High);
                    if (!p.Log)
                        return ParameterValues.FormatInt((long)low + random.NextInt64((long)high - (long)low + 1));
                    // Log-uniform over the integers: draw on [log(low - 0.5), log(high + 0.5)) and round, so each end gets its share.
                    var a = Math.Log(Math.Max(low - 0.5, low / 2));
                    var b = Math.Log(high + 0.5);
                    var v = Math.Round(Math.Exp(a + random.NextDouble() * (b - a)), MidpointRounding.AwayFromZero);
                    return ParameterValues.FormatInt((long)Math.Clamp(v, low, high));
                }
            default:
                {
                    if (p.Low == p.High)
                        return ParameterValues.FormatReal(p.Low);
                    var v = p.Log
                        ? Math.Exp(Math.Log(p.Low) + random.NextDouble() * (Math.Log(p.High) - Math.Log(p.Low)))
                        : p.Low + random.NextDouble() * (p.High - p.Low);
                    return ParameterValues.FormatReal(Math.Clamp(v, p.Low, p.High));
                }
        }
    }
}
