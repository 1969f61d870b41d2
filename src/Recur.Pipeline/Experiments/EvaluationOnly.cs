using Recur.Registry.Gates;
using Recur.Training;

namespace Recur.Pipeline.Experiments;

/// <summary>
/// Asks <see cref="Steps.TrainingRun.RunAsync"/> to evaluate only and register nothing (<c>recur experiment</c>): the run
/// stops before the gate, keeps its model file at <see cref="ModelPath"/> for inspection, and hands back the promotion
/// metric as a function of the evaluation rows, so variations are compared row for row with a paired bootstrap.
/// </summary>
/// <param name="modelPath">Where the model file is kept (its folder is created).</param>
public sealed class EvaluationOnly(string modelPath)
{
    /// <summary>The decision recorded for an experiment's run: nothing is gated or registered.</summary>
    public static GateDecision NotRegistered { get; } = new(false, "an experiment's model is evaluated only, never registered or promoted", []);

    /// <summary>Where the model file is kept.</summary>
    public string ModelPath { get; } = modelPath;

    /// <summary>The promotion metric on the given evaluation row indices (repeats allowed); set once the run evaluated its model.</summary>
    public Func<int[], double>? MetricOn { get; private set; }

    /// <summary>The model kept; null until the run evaluated it.</summary>
    public TrainedModel? Model { get; private set; }

    /// <summary>The evaluation rows <see cref="MetricOn"/> indexes.</summary>
    public int Rows { get; private set; }

    /// <summary>Keeps the model file and the metric; called by the training run in place of the gate.</summary>
    public void Keep(TrainedModel model, Func<int[], double> metricOn, int rows)
    {
        ArgumentNullException.ThrowIfNull(model);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(ModelPath))!);
        var temp = ModelPath + ".tmp";
        model.Save(temp);
        File.Move(temp, ModelPath, overwrite: true);
        (Model, MetricOn, Rows) = (model, metricOn, rows);
    }
}
