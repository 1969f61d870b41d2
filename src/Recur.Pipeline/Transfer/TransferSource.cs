using Recur.Core;
using Recur.Core.Project;
using Recur.Core.Registry;
using Recur.Training;

namespace Recur.Pipeline.Transfer;

/// <summary>
/// The source of a transfer (<c>training.transfer</c>): the registered version named by <c>from</c>, in this project's
/// registry or in <c>project</c>'s, loaded only after its model file hashed to the SHA-256 recorded at registration.
/// </summary>
/// <param name="Reference">The reference as recur.yaml gives it.</param>
/// <param name="Project">The source project folder as recur.yaml gives it; empty for this project.</param>
/// <param name="Reuse">What is reused: features, embeddings or score.</param>
/// <param name="Version">The registered version.</param>
/// <param name="Model">Its verified, loaded model.</param>
public sealed record TransferSource(string Reference, string Project, string Reuse, ModelVersion Version, TrainedModel Model)
{
    /// <summary>The lineage parameters that record the source beside the new model's own (model, version, artifact SHA-256, reuse).</summary>
    public IReadOnlyDictionary<string, string> Lineage() => new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["transfer_from"] = $"{Version.Model}:{Version.Version}",
        ["transfer_reference"] = Reference,
        ["transfer_sha256"] = Version.ArtifactSha256,
        ["transfer_reuse"] = Reuse,
        ["transfer_project"] = Project.Length == 0 ? "." : Project,
    };

    /// <summary>
    /// The declared source, loaded and verified; null when no transfer is declared. A missing project, model, alias or
    /// version, or a file that fails verification, is an error naming <c>training.transfer.from</c> (or <c>.project</c>).
    /// </summary>
    public static async Task<TransferSource?> LoadAsync(RecurProject project, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(project);
        var declared = project.Config.Training.Transfer;
        if (!declared.IsOn) return null;
        const string FromKey = "training.transfer.from";
        if (!SourceReference.TryParse(declared.From, out var reference)) throw RecurException.Invalid($"{FromKey}: '{declared.From}' is not NAME@ALIAS or NAME:VERSION", FromKey);
        var owner = declared.Project.Length == 0 ? project : OpenSourceProject(project, declared);
        var where = declared.Project.Length == 0 ? "this project's registry" : $"the registry of project '{declared.Project}'";
        var version = reference.Alias is { } alias
            ? await owner.Registry.ResolveAliasAsync(reference.Model, alias, ct)
            : await owner.Registry.FindAsync(reference.Model, reference.Version!.Value, ct);
        if (version is null)
        {
            var known = (await owner.Registry.ListAsync(reference.Model, ct)).Count;
            var why = known == 0 ? $"no model '{reference.Model}' in {where}" : reference.Alias is not null
                ? $"model '{reference.Model}' has no alias '{reference.Alias}' in {where}"
                : $"model '{reference.Model}' has no version {reference.Version} in {where} ({known} versions)";
            throw RecurException.Invalid($"{FromKey}: {why}", FromKey);
        }
        try
        {
            var model = await RegisteredModel.LoadAsync(owner.Artifacts, version, ct);
            return new TransferSource(declared.From, declared.Project, declared.Reuse, version, model);
        }
        catch (RecurException e) when (e.Kind == FailureKind.Unavailable)
        {
            throw RecurException.Invalid($"{FromKey}: {e.Message}", FromKey);
        }
    }

    private static RecurProject OpenSourceProject(RecurProject project, TransferConfig declared)
    {
        const string ProjectKey = "training.transfer.project";
        var folder = project.Resolve(declared.Project);
        if (!File.Exists(Path.Combine(folder, RecurProject.FileName)))
        {
            throw RecurException.Invalid($"{ProjectKey}: no project folder '{declared.Project}' (no {RecurProject.FileName} there)", ProjectKey);
        }
        try
        {
            return RecurProject.Open(folder, project.Time);
        }
        catch (RecurException e) when (e.Field != ProjectKey)
        {
            throw RecurException.Invalid($"{ProjectKey}: the source project '{declared.Project}' does not open: {e.Message}", ProjectKey);
        }
    }
}
