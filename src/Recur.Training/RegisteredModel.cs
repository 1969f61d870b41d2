using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Recur.Core;
using Recur.Core.Modeling;
using Recur.Core.Registry;

namespace Recur.Training;

/// <summary>What checking one version's model file found.</summary>
/// <param name="Model">The model name.</param>
/// <param name="Version">The version number.</param>
/// <param name="Ok">Whether the file is present, hashes to the registered SHA-256 and loads.</param>
/// <param name="Expected">The SHA-256 recorded at registration.</param>
/// <param name="Actual">The SHA-256 of the bytes found; null when the file is missing.</param>
/// <param name="Problem">Why the version is refused; null when it is fine.</param>
public sealed record ArtifactCheck(string Model, int Version, bool Ok, string Expected, string? Actual, string? Problem);

/// <summary>
/// Loads a registered version's model file only after checking that its bytes hash to the SHA-256
/// recorded when the version was registered: a file re-zipped with another threshold, another
/// version's bytes copied over it, a truncated or unreadable file is refused, naming the version and
/// both hashes. The failure is <see cref="FailureKind.Unavailable"/> (stored state is damaged, the
/// caller did nothing wrong) and never names a file system path.
/// </summary>
public static class RegisteredModel
{
    /// <summary>The <see cref="IModelLoader"/> over an artifact store; every refusal is logged through <paramref name="logger"/>.</summary>
    public static IModelLoader Loader(IArtifactStore artifacts, ILogger? logger = null) => new VerifiedLoader(artifacts, logger ?? NullLogger.Instance);

    private sealed class VerifiedLoader(IArtifactStore artifacts, ILogger logger) : IModelLoader
    {
        public async Task<IPredictor> LoadAsync(ModelVersion version, CancellationToken ct = default)
        {
            var (model, check) = await TryLoadAsync(artifacts, version, ct);
            if (model is null)
            {
                logger.ModelRefused(version.Model, version.Version, check.Problem!);
                throw RecurException.Unavailable(check.Problem!);
            }
            logger.ModelVerified(version.Model, version.Version, check.Expected);
            return model;
        }
    }

    /// <summary>The verified, loaded model of a version.</summary>
    public static async Task<TrainedModel> LoadAsync(IArtifactStore artifacts, ModelVersion version, CancellationToken ct = default)
    {
        var (model, check) = await TryLoadAsync(artifacts, version, ct);
        return model ?? throw RecurException.Unavailable(check.Problem!);
    }

    /// <summary>Checks a version's file without keeping the model.</summary>
    public static async Task<ArtifactCheck> VerifyAsync(IArtifactStore artifacts, ModelVersion version, CancellationToken ct = default) =>
        (await TryLoadAsync(artifacts, version, ct)).Check;

    private static async Task<(TrainedModel? Model, ArtifactCheck Check)> TryLoadAsync(IArtifactStore artifacts, ModelVersion version, CancellationToken ct)
    {
        var name = $"model '{version.Model}' version {version.Version}";
        var expected = version.ArtifactSha256;
        byte[] bytes;
        try
        {
            bytes = await artifacts.ReadAsync(expected, ct);
        }
        catch (RecurException e) when (e.Kind == FailureKind.NotFound)
        {
            return (null, Refused(version, null, $"{name} cannot be loaded: its model file (SHA-256 {expected}) is missing from the artifact store"));
        }
        var actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (!string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
        {
            return (null, Refused(version, actual,
                $"{name} cannot be loaded: its model file does not match the SHA-256 recorded at registration (expected {expected}, actual {actual}); restore the file or point the alias elsewhere"));
        }
        try
        {
            var model = TrainedModel.Load(bytes, "the model file");
            return (model, new ArtifactCheck(version.Model, version.Version, true, expected, actual, null));
        }
        catch (RecurException e)
        {
            return (null, Refused(version, actual, $"{name} cannot be loaded: {e.Message}"));
        }
    }

    private static ArtifactCheck Refused(ModelVersion version, string? actual, string problem) =>
        new(version.Model, version.Version, false, version.ArtifactSha256, actual, problem);
}
