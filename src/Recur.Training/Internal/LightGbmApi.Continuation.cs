using System.Runtime.InteropServices;

namespace Recur.Training.Internal;

/// <summary>The C API calls that continue a saved booster (<see cref="NativeBooster.Continue"/>): raw scores and merging models.</summary>
internal static partial class LightGbmApi
{
    /// <summary>C_API_PREDICT_RAW_SCORE: margins before the link function (what a continued fit starts from).</summary>
    public const int PredictRawScore = 1;

    [LibraryImport(Library)]
    public static partial int LGBM_BoosterMerge(IntPtr booster, IntPtr other);
}
