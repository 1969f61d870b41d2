namespace Recur.Tuning.Internal;

/// <summary>
/// A random source of its own for each trial, derived from the study's seed and the trial's number only (SplitMix64, not HashCode,
/// which differs between processes), so a trial's draws never depend on which thread or which other trial ran first.
/// </summary>
internal static class TrialRandom
{
    public static Random For(int seed, int number, ulong stream = 0)
    {
        var x = ((ulong)(uint)seed << 32) ^ (uint)number ^ (stream * 0xD1B54A32D192ED03UL);
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        x ^= x >> 31;
        return new Random((int)(x & 0x7FFFFFFF));
    }
}
