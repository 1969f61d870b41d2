using System.Runtime.InteropServices;

namespace Recur.Training.Internal;

/// <summary>
/// The few functions of LightGBM's C API (c_api.h, 4.6) that fitting a model needs, bound to the
/// lib_lightgbm that ships with the LightGBM package ML.NET already depends on. Every call returns 0 on
/// success; <see cref="Check"/> turns anything else into an exception carrying LightGBM's own message.
/// </summary>
internal static partial class LightGbmApi
{
    private const string Library = "lib_lightgbm";

    /// <summary>C_API_DTYPE_FLOAT32.</summary>
    public const int Float32 = 0;

    /// <summary>C_API_DTYPE_FLOAT64.</summary>
    public const int Float64 = 1;

    /// <summary>C_API_PREDICT_NORMAL: probabilities for classifiers, values for regression.</summary>
    public const int PredictNormal = 0;

    [LibraryImport(Library)]
    private static partial IntPtr LGBM_GetLastError();

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static unsafe partial int LGBM_DatasetCreateFromMat(void* data, int dataType, int rows, int columns, int isRowMajor, string parameters, IntPtr reference, out IntPtr dataset);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static unsafe partial int LGBM_DatasetSetField(IntPtr dataset, string field, void* data, int count, int dataType);

    [LibraryImport(Library)]
    public static partial int LGBM_DatasetFree(IntPtr dataset);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int LGBM_BoosterCreate(IntPtr dataset, string parameters, out IntPtr booster);

    [LibraryImport(Library)]
    public static partial int LGBM_BoosterUpdateOneIter(IntPtr booster, out int isFinished);

    [LibraryImport(Library)]
    public static unsafe partial int LGBM_BoosterSaveModelToString(IntPtr booster, int startIteration, int iterations, int importanceType, long bufferLength, out long length, byte* text);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int LGBM_BoosterLoadModelFromString(string text, out int iterations, out IntPtr booster);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static unsafe partial int LGBM_BoosterPredictForMat(IntPtr booster, void* data, int dataType, int rows, int columns, int isRowMajor, int predictType,
        int startIteration, int iterations, string parameters, out long length, double* result);

    [LibraryImport(Library)]
    public static partial int LGBM_BoosterFree(IntPtr booster);

    /// <summary>Throws, with LightGBM's last error and what was being done, when a call failed.</summary>
    public static void Check(int status, string doing)
    {
        if (status != 0) throw new InvalidOperationException($"LightGBM failed to {doing}: {Marshal.PtrToStringUTF8(LGBM_GetLastError())}");
    }
}
