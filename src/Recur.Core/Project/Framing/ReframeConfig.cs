namespace Recur.Core.Project;

/// <summary>
/// recur.yaml: Reframing (framing.reframe). Off until declared. Two framings live here: a regression target trained as
/// classification over buckets (<see cref="Buckets"/> or <see cref="Edges"/>), answering with the predicted
/// distribution, its expected value and an interval; and the reverse, a binary label defined by a threshold on a numeric
/// score (<see cref="Regress"/> and <see cref="Above"/>): the score is regressed and the positive class's probability
/// read from the regression's residuals on the validation rows. Their candidates compete with the plain ones.
/// </summary>
public sealed class ReframeConfig
{
    /// <summary>Buckets with quantile edges taken from the training split (at least 2); 0 when not declared.</summary>
    public int Buckets { get; set; }

    /// <summary>Given inner bucket edges, strictly increasing (n edges make n + 1 buckets); empty when not declared.</summary>
    public List<double> Edges { get; set; } = [];

    /// <summary>The nominal coverage of the prediction intervals, in (0, 1). Default 0.9.</summary>
    public double Level { get; set; } = 0.9;

    /// <summary>
    /// The reverse framing: the numeric column the binary label is defined from (regressed in its place). It must not be
    /// a model input (list it in features.exclude); empty when not declared.
    /// </summary>
    public string Regress { get; set; } = "";

    /// <summary>The reverse framing: a row is positive when <see cref="Regress"/> is above this value.</summary>
    public double? Above { get; set; }

    /// <summary>
    /// Also measure every candidate side by side on the evaluation rows (MAE/RMSE with intervals, interval coverage and
    /// width); <c>recur train --compare-framings</c> sets it, with 10 quantile buckets when none are declared.
    /// </summary>
    public bool Compare { get; set; }

    /// <summary>
    /// Send the best reframed candidate to the gate even when a plain one scores better on the promotion metric (to
    /// serve the distribution and interval); the reason says so. Default false.
    /// </summary>
    public bool Prefer { get; set; }

    /// <summary>The bucket count used when only <see cref="Compare"/> is set.</summary>
    public const int DefaultBuckets = 10;

    /// <summary>Whether the bucket framing is on (declared, or implied by <see cref="Compare"/> for a regression).</summary>
    public bool BucketsDeclared => Buckets > 0 || Edges.Count > 0;
}
