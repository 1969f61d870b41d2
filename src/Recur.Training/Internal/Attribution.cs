using Recur.Core.Data;

namespace Recur.Training.Internal;

/// <summary>One row's explanation in the learner's own features.</summary>
/// <param name="Contributions">Per output, per learned feature, its contribution to the raw score.</param>
/// <param name="Expected">Per output, the raw score expected over the training rows.</param>
internal sealed record Attribution(double[][] Contributions, double[] Expected);

/// <summary>A model body that can explain its raw scores exactly (local accuracy holds per row and output).</summary>
internal interface IExplainableBody
{
    /// <summary>Per row of learned features: the contributions and expected value of every output's raw score.</summary>
    Attribution[] Explain(DataTable learned);

    /// <summary>Per row, per output, the raw score the explanations add up to (log-odds or margin, class score, value).</summary>
    double[][] RawScores(DataTable learned);
}
