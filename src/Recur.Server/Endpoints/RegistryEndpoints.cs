using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Recur.Core;
using Recur.Core.Modeling;
using Recur.Core.Registry;
using Recur.Server.Contract;

namespace Recur.Server.Endpoints;

/// <summary>Read access to the registry.</summary>
internal static class RegistryEndpoints
{
    public static void MapRegistryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/models", async Task<Ok<ModelList>> (IRegistryStore registry, CancellationToken ct) =>
                TypedResults.Ok(new ModelList([.. (await registry.ListAsync(null, ct)).GroupBy(v => v.Model).Select(g => new ModelEntry(g.Key, g.ToList()))])))
            .WithName("ListModels").WithSummary("Every model with its versions, metrics, lineage and aliases.");
        app.MapGet("/v1/models/{name}/versions/{version:int}", async Task<Ok<ModelVersion>> (string name, int version, IRegistryStore registry, CancellationToken ct) =>
                TypedResults.Ok(await registry.FindAsync(name, version, ct) ?? throw RecurException.NotFound($"model '{name}' has no version {version}")))
            .WithProblems(404).WithName("GetModelVersion").WithSummary("One model version.");
        app.MapGet("/v1/models/{name}/versions/{version:int}/schema", Schema)
            .WithProblems(404, 503).WithName("GetModelSchema").WithSummary("The version's contract: its inputs (names, types, allowed categories, ranges seen in training) and its outputs.");
        app.MapGet("/v1/models/{name}/versions/{version:int}/policy", Policy)
            .WithProblems(404, 503).WithName("GetDecisionPolicy").WithSummary("The version's decision policy (threshold, objective, outcome values) kept beside it, with every recorded revision.");
    }

    /// <summary>Every registered model.</summary>
    /// <param name="Models">The models, each with its versions.</param>
    public sealed record ModelList(IReadOnlyList<ModelEntry> Models);

    /// <summary>One registered model.</summary>
    /// <param name="Name">The model name.</param>
    /// <param name="Versions">Its versions, with metrics, lineage and aliases.</param>
    public sealed record ModelEntry(string Name, IReadOnlyList<ModelVersion> Versions);

    /// <summary>One input of a version's contract.</summary>
    /// <param name="Name">The column name a request sends.</param>
    /// <param name="Type">Its type (integer, real, boolean, text, date).</param>
    /// <param name="Nullable">Whether it may be missing.</param>
    /// <param name="Categories">For a categorical input, the values seen in training (others are unseen categories).</param>
    /// <param name="Min">The smallest value in the training split (numeric inputs, when the profile is stored).</param>
    /// <param name="Max">The largest value in the training split.</param>
    /// <param name="MissingRate">The share of training rows where it was missing.</param>
    public sealed record InputContract(string Name, string Type, bool Nullable, IReadOnlyList<string>? Categories, double? Min, double? Max, double? MissingRate);

    /// <summary>A version's contract (Microservice Architecture for ML): what it takes and what it answers.</summary>
    /// <param name="Model">The model name.</param>
    /// <param name="Version">The version.</param>
    /// <param name="Task">binary, multiclass or regression.</param>
    /// <param name="Label">The label column it was trained on.</param>
    /// <param name="Inputs">Its raw inputs.</param>
    /// <param name="Classes">The classes its <c>label</c> output takes (classification; empty for regression).</param>
    /// <param name="Outputs">Each output member of a prediction and its meaning.</param>
    public sealed record VersionContract(string Model, int Version, string Task, string Label, IReadOnlyList<InputContract> Inputs, IReadOnlyList<string> Classes, IReadOnlyDictionary<string, string> Outputs);

    private static async Task<Ok<VersionContract>> Schema(string name, int version, Serving.ModelPool pool, Core.Profiles.IProfileStore profiles, CancellationToken ct)
    {
        var loaded = await pool.GetAsync(Serving.ModelSelector.From(name, version, null), ct);
        var plan = loaded.Model.Manifest.Plan;
        var profile = loaded.Version.Lineage.ReferenceProfile is { } id ? (await profiles.TryReadAsync(id, ct))?.Profile : null;
        var columns = profile?.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal) ?? [];
        var inputs = plan.Features.Select(f =>
        {
            var c = columns.GetValueOrDefault(f.Name);
            return new InputContract(f.Name, f.Type.ToString().ToLowerInvariant(), f.Nullable, f.Categories, c?.Numeric?.Min, c?.Numeric?.Max, c?.MissingRate);
        }).ToList();
        var outputs = plan.Task switch
        {
            Core.Modeling.ModelTask.Binary => new Dictionary<string, string> { ["label"] = "the decided class, at the version's policy threshold", ["score"] = $"probability of '{plan.Positive}'" },
            Core.Modeling.ModelTask.Multiclass => new Dictionary<string, string> { ["label"] = "the most probable class", ["score"] = "its probability", ["scores"] = "the probability of every class" },
            Core.Modeling.ModelTask.Multilabel => new Dictionary<string, string> { ["labels"] = "the labels at or above their own thresholds", ["scores"] = "the probability of every label" },
            _ => new Dictionary<string, string> { ["value"] = $"the predicted '{plan.Label}'" },
        };
        outputs["key"] = "the request's key, echoed";
        outputs["model_version"] = "the version that answered";
        return TypedResults.Ok(new VersionContract(name, version, plan.Task.ToName(), plan.Label, inputs, plan.Task == Core.Modeling.ModelTask.Regression ? [] : plan.ClassNames, outputs));
    }

    /// <summary>The decision policy of a version: the threshold it decides at, the current revision and the history.</summary>
    /// <param name="Model">The model name.</param>
    /// <param name="Version">The version.</param>
    /// <param name="Threshold">The threshold it decides at now: the current revision's, else the one it was trained with.</param>
    /// <param name="TrainedThreshold">The threshold in its model file.</param>
    /// <param name="Current">The current revision, or null when none was recorded.</param>
    /// <param name="History">Every revision, oldest first.</param>
    public sealed record PolicyView(string Model, int Version, double Threshold, double TrainedThreshold, PolicyRevision? Current, IReadOnlyList<PolicyRevision> History);

    private static async Task<Ok<PolicyView>> Policy(string name, int version, IPolicyStore policies, Serving.ModelPool pool, CancellationToken ct)
    {
        var loaded = await pool.GetAsync(Serving.ModelSelector.From(name, version, null), ct);
        var history = await policies.HistoryAsync(name, version, ct);
        var current = history.Count > 0 ? history[^1] : null;
        var trained = loaded.Model.Manifest.Threshold;
        return TypedResults.Ok(new PolicyView(name, version, current?.Policy.Threshold ?? trained, trained, current, history));
    }
}
