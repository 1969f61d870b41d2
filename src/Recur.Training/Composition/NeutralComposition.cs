using System.Globalization;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;

namespace Recur.Training.Composition;

/// <summary>
/// The neutral class (framing.neutral) around one member, "base". An abstain band: a binary member's rows whose score
/// falls inside [low, high) are answered "neutral", with the band and the precision it was chosen for as the reason;
/// the others keep the member's label. A neutral class learnt from the labels: a multiclass member whose most probable
/// class is "neutral" says so, with the probability and how the class was declared. Scores and class probabilities
/// pass through unchanged, so ranking metrics are those of the member.
/// </summary>
public sealed class NeutralComposition : IComposition
{
    /// <summary>The composition's name in model files.</summary>
    public const string CompositionName = "neutral";

    /// <summary>The member's name.</summary>
    public const string Base = "base";

    /// <inheritdoc />
    public string Name => CompositionName;

    /// <inheritdoc />
    public string Description => "the member's answer, with rows inside an abstain band (or predicted as the neutral class) answered \"neutral\" with the reason";

    /// <inheritdoc />
    public ModelOutput Predict(ComposedModel model, DataTable rows)
    {
        var spec = model.SpecAs<NeutralSpec>();
        var output = model.Member(Base).Predict(rows);
        var labels = (string[])output.Labels.Clone();
        var details = new OutputDetail?[labels.Length];
        for (var r = 0; r < labels.Length; r++)
        {
            if (spec.Band is { } band)
            {
                var s = output.Scores[r];
                if (!band.Contains(s)) continue;
                labels[r] = NeutralConfig.Label;
                details[r] = new OutputDetail { Reason = band.Reason(s) };
            }
            else if (labels[r] == NeutralConfig.Label)
            {
                details[r] = new OutputDetail { Reason = FormattableString.Invariant($"the neutral class is the most probable ({output.Scores[r]:0.00}); it was learnt from {spec.Source}") };
            }
        }
        return output with { Labels = labels, Details = details };
    }
}

/// <summary>The fitted settings of a <see cref="NeutralComposition"/>.</summary>
/// <param name="Band">The abstain band on a binary score; null for a neutral class learnt from the labels.</param>
/// <param name="Source">How a learnt neutral class was declared, e.g. "label value 'maybe'"; empty for a band.</param>
public sealed record NeutralSpec(AbstainBand? Band, string Source);

/// <summary>An abstain band on a binary score: rows scoring in [Low, High) are neutral.</summary>
/// <param name="Low">Scores below it are decided negative.</param>
/// <param name="High">Scores at or above it are decided positive.</param>
/// <param name="TargetPrecision">The precision the band was chosen for on the validation rows.</param>
public sealed record AbstainBand(double Low, double High, double TargetPrecision)
{
    /// <summary>Whether a score falls inside the band.</summary>
    public bool Contains(double score) => score >= Low && score < High;

    /// <summary>Why a score inside the band was answered neutral.</summary>
    public string Reason(double score) => string.Create(CultureInfo.InvariantCulture,
        $"score {score:0.00} inside the abstain band [{Low:0.00}, {High:0.00}) chosen for precision {TargetPrecision:0.00}");
}
