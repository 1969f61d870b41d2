using System.Text;

namespace Recur.Training.Internal;

/// <summary>
/// Fits a LightGBM model through its C API from a dense float32 matrix and returns the model text. The
/// parameters go to both the dataset (binning, categorical columns) and the booster (objective, trees),
/// as LightGBM's own Python package does. Native handles are freed whatever happens.
/// </summary>
internal static partial class NativeBooster
{
    /// <summary>
    /// Fits <paramref name="iterations"/> boosting rounds (fewer if LightGBM finds nothing left to split); each row
    /// weighs its <paramref name="weights"/> entry in the gradients and leaf sums (null: every row weighs 1). A
    /// <paramref name="watch"/> scores its rows with the live booster every <see cref="RoundWatch.Every"/> rounds and may stop
    /// boosting there (the model then holds the trees fitted so far); without one the loop is exactly as it always was.
    /// </summary>
    public static unsafe string Fit(float[] matrix, int rows, int columns, float[] labels, string parameters, int iterations, float[]? weights = null, RoundWatch? watch = null)
    {
        var dataset = IntPtr.Zero;
        var booster = IntPtr.Zero;
        try
        {
            fixed (float* data = matrix)
            {
                LightGbmApi.Check(LightGbmApi.LGBM_DatasetCreateFromMat(data, LightGbmApi.Float32, rows, columns, 1, parameters, IntPtr.Zero, out dataset), "build its dataset");
            }
            fixed (float* label = labels)
            {
                LightGbmApi.Check(LightGbmApi.LGBM_DatasetSetField(dataset, "label", label, rows, LightGbmApi.Float32), "set the labels");
            }
            if (weights is not null)
            {
                fixed (float* weight = weights)
                {
                    LightGbmApi.Check(LightGbmApi.LGBM_DatasetSetField(dataset, "weight", weight, rows, LightGbmApi.Float32), "set the row weights");
                }
            }
            LightGbmApi.Check(LightGbmApi.LGBM_BoosterCreate(dataset, parameters, out booster), "create the booster");
            for (var i = 0; i < iterations; i++)
            {
                LightGbmApi.Check(LightGbmApi.LGBM_BoosterUpdateOneIter(booster, out var finished), $"fit boosting round {i + 1}");
                if (finished != 0) break;
                if (watch is not null && (i + 1) % watch.Every == 0 && !watch.OnRound(i + 1, Predict(booster, watch))) break;
            }
            return ModelText(booster);
        }
        finally
        {
            if (booster != IntPtr.Zero) LightGbmApi.LGBM_BoosterFree(booster);
            if (dataset != IntPtr.Zero) LightGbmApi.LGBM_DatasetFree(dataset);
        }
    }

    /// <summary>LightGBM's own predictions for a float32 matrix from a model text (a reference for tests of the managed evaluator).</summary>
    public static unsafe double[] Predict(string modelText, float[] matrix, int rows, int columns, int outputs)
    {
        LightGbmApi.Check(LightGbmApi.LGBM_BoosterLoadModelFromString(modelText, out _, out var booster), "load a model text");
        try
        {
            var result = new double[rows * outputs];
            fixed (float* data = matrix)
            fixed (double* output = result)
            {
                LightGbmApi.Check(LightGbmApi.LGBM_BoosterPredictForMat(booster, data, LightGbmApi.Float32, rows, columns, 1, LightGbmApi.PredictNormal, 0, -1, "", out _, output), "predict");
            }
            return result;
        }
        finally
        {
            LightGbmApi.LGBM_BoosterFree(booster);
        }
    }

    // The live booster's predictions (every tree so far) for the watch's rows, row-major, Outputs values per row.
    private static unsafe double[] Predict(IntPtr booster, RoundWatch watch)
    {
        var result = new double[watch.Rows * watch.Outputs];
        fixed (float* data = watch.Matrix)
        fixed (double* output = result)
        {
            LightGbmApi.Check(LightGbmApi.LGBM_BoosterPredictForMat(booster, data, LightGbmApi.Float32, watch.Rows, watch.Columns, 1, LightGbmApi.PredictNormal, 0, -1,
                watch.PredictParameters, out _, output), "score the watched rows");
        }
        return result;
    }

    private static unsafe string ModelText(IntPtr booster)
    {
        // The first call asks for the length; the second fills a buffer of that size (NUL included).
        LightGbmApi.Check(LightGbmApi.LGBM_BoosterSaveModelToString(booster, 0, -1, 0, 0, out var length, null), "measure the model text");
        var buffer = new byte[length];
        fixed (byte* text = buffer)
        {
            LightGbmApi.Check(LightGbmApi.LGBM_BoosterSaveModelToString(booster, 0, -1, 0, length, out length, text), "write the model text");
        }
        return Encoding.UTF8.GetString(buffer, 0, (int)length - 1);
    }
}

/// <summary>
/// Rows scored by a booster while it is fitted: every <paramref name="Every"/> rounds <paramref name="OnRound"/> gets the
/// round and the predictions (row-major, <paramref name="Outputs"/> per row) and answers whether boosting goes on.
/// </summary>
internal sealed record RoundWatch(float[] Matrix, int Rows, int Columns, int Outputs, int Every, string PredictParameters, Func<int, double[], bool> OnRound);
