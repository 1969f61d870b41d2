namespace Recur.Core.Modeling;

/// <summary>What a model learns to predict.</summary>
public enum ModelTask
{
    /// <summary>One of two classes, with the probability of the positive one.</summary>
    Binary,
    /// <summary>One of several classes, with a probability per class.</summary>
    Multiclass,
    /// <summary>A number.</summary>
    Regression,
    /// <summary>Several labels per row (problem framing): a probability per label and the set of labels at or above their thresholds.</summary>
    Multilabel,
}

/// <summary>The names of tasks in recur.yaml.</summary>
public static class ModelTasks
{
    /// <summary>Every task by its recur.yaml name.</summary>
    public static readonly IReadOnlyDictionary<string, ModelTask> ByName = new Dictionary<string, ModelTask>(StringComparer.Ordinal)
    {
        ["binary"] = ModelTask.Binary,
        ["multiclass"] = ModelTask.Multiclass,
        ["regression"] = ModelTask.Regression,
        ["multilabel"] = ModelTask.Multilabel,
    };

    /// <summary>The recur.yaml name of a task.</summary>
    public static string ToName(this ModelTask task) => task switch
    {
        ModelTask.Binary => "binary",
        ModelTask.Multiclass => "multiclass",
        ModelTask.Multilabel => "multilabel",
        _ => "regression",
    };

    /// <summary>Whether the task predicts classes.</summary>
    public static bool IsClassification(this ModelTask task) => task != ModelTask.Regression;
}
