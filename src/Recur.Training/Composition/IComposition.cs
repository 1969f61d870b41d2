using System.Text.Json;
using Recur.Core.Data;
using Recur.Core.Modeling;

namespace Recur.Training.Composition;

/// <summary>
/// How a composed model (problem framing: ensembles, cascades, reframed targets, multilabel) turns its members' answers
/// into its own. A composed model is one versioned file holding every member's model file, the composition's name and
/// its fitted settings (<see cref="ComposedModel.Spec"/>); it registers, serves, logs and monitors like any model.
/// Registered in <see cref="CompositionCatalog"/>; implementations are stateless and thread-safe.
/// </summary>
public interface IComposition
{
    /// <summary>The name saved in the model file, e.g. "average".</summary>
    string Name { get; }

    /// <summary>One line for humans: what the composition does with its members.</summary>
    string Description { get; }

    /// <summary>The composed model's outputs for raw rows (each member applies its own feature chain).</summary>
    ModelOutput Predict(ComposedModel model, DataTable rows);
}

/// <summary>One member of a composed model: its name within the composition and the fitted model.</summary>
/// <param name="Name">Unique within the composition (e.g. "base-0", "meta", "router", "branch:rare").</param>
/// <param name="Model">The member; itself any model, composed ones included.</param>
public sealed record ComposedMember(string Name, TrainedModel Model);

/// <summary>What a composition reads when it predicts: the composed model's manifest, its members and its fitted settings.</summary>
/// <param name="Manifest">The composed model's manifest (its plan is the contract: raw inputs, label, task).</param>
/// <param name="Members">The members in saved order.</param>
/// <param name="Spec">The composition's own fitted settings (meta weights, bucket edges, routing map…), saved as JSON.</param>
public sealed record ComposedModel(ModelManifest Manifest, IReadOnlyList<ComposedMember> Members, JsonElement Spec)
{
    /// <summary>The member of that name.</summary>
    public TrainedModel Member(string name) =>
        Members.FirstOrDefault(m => m.Name == name)?.Model ?? throw new KeyNotFoundException($"composed model has no member '{name}'");

    /// <summary>The spec read as <typeparamref name="T"/> (web naming: camelCase).</summary>
    public T SpecAs<T>() => Spec.Deserialize<T>(CompositionCatalog.SpecOptions) ?? throw new InvalidOperationException("empty composition spec");
}
