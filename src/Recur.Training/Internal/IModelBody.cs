using System.IO.Compression;
using Recur.Core.Data;

namespace Recur.Training.Internal;

/// <summary>
/// What a <see cref="TrainedModel"/> scores with and saves: an ML.NET transformer chain
/// (<see cref="MlNetModelBody"/>) or LightGBM trees evaluated in managed code (<see cref="TreeModelBody"/>).
/// Thread-safe.
/// </summary>
internal interface IModelBody
{
    /// <summary>Per row: the positive class's probability (binary) or the value (regression).</summary>
    double[] Score(DataTable table);

    /// <summary>Per row: a probability per class (multiclass).</summary>
    double[][] ScoreClasses(DataTable table);

    /// <summary>Writes the model's own entries into the model file (the manifest follows them), with fixed entry times.</summary>
    void Write(ZipArchive zip);
}
