namespace Recur.Training.Internal;

/// <summary>Continuing a booster from its saved model text, the way LightGBM's own packages do (init_model).</summary>
internal static partial class NativeBooster
{
    /// <summary>
    /// Fits <paramref name="iterations"/> more rounds on top of <paramref name="modelText"/>: the saved trees' raw scores become the
    /// dataset's init_score, a new booster is merged with the saved one (so the result holds the old trees, then the new) and boosts on.
    /// What is not restored is every piece of state the text does not hold: the bagging and feature-fraction random generators
    /// start again from their seeds, so with sampling on the new rounds draw what the first rounds drew (tested in
    /// <c>BoosterContinuationTests</c>; docs/design/workflow-pipeline.md, "Checkpoints").
    /// </summary>
    public static unsafe string Continue(string modelText, float[] matrix, int rows, int columns, float[] labels, string parameters, int iterations, int outputs = 1)
    {
        var saved = IntPtr.Zero;
        var dataset = IntPtr.Zero;
        var booster = IntPtr.Zero;
        try
        {
            LightGbmApi.Check(LightGbmApi.LGBM_BoosterLoadModelFromString(modelText, out _, out saved), "load the saved model text");
            var raw = new double[rows * outputs];
            fixed (float* data = matrix)
            fixed (double* output = raw)
            {
                LightGbmApi.Check(LightGbmApi.LGBM_BoosterPredictForMat(saved, data, LightGbmApi.Float32, rows, columns, 1, LightGbmApi.PredictRawScore, 0, -1, "", out _, output), "score the saved trees");
                LightGbmApi.Check(LightGbmApi.LGBM_DatasetCreateFromMat(data, LightGbmApi.Float32, rows, columns, 1, parameters, IntPtr.Zero, out dataset), "build its dataset");
            }
            // init_score is class-major (every row's score for class 0, then class 1, ...); predictions are row-major.
            var init = new double[raw.Length];
            for (var r = 0; r < rows; r++) for (var k = 0; k < outputs; k++) init[k * rows + r] = raw[r * outputs + k];
            fixed (float* label = labels)
            fixed (double* score = init)
            {
                LightGbmApi.Check(LightGbmApi.LGBM_DatasetSetField(dataset, "label", label, rows, LightGbmApi.Float32), "set the labels");
                LightGbmApi.Check(LightGbmApi.LGBM_DatasetSetField(dataset, "init_score", score, init.Length, LightGbmApi.Float64), "set the saved trees' scores");
            }
            LightGbmApi.Check(LightGbmApi.LGBM_BoosterCreate(dataset, parameters, out booster), "create the booster");
            LightGbmApi.Check(LightGbmApi.LGBM_BoosterMerge(booster, saved), "merge the saved trees");
            for (var i = 0; i < iterations; i++)
            {
                LightGbmApi.Check(LightGbmApi.LGBM_BoosterUpdateOneIter(booster, out var finished), $"fit continued round {i + 1}");
                if (finished != 0) break;
            }
            return ModelText(booster);
        }
        finally
        {
            if (booster != IntPtr.Zero) LightGbmApi.LGBM_BoosterFree(booster);
            if (dataset != IntPtr.Zero) LightGbmApi.LGBM_DatasetFree(dataset);
            if (saved != IntPtr.Zero) LightGbmApi.LGBM_BoosterFree(saved);
        }
    }
}
