using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Recur.Core;
using Recur.Core.Project;
using Recur.Core.Registry;

namespace Recur.Registry.Gates;

/// <summary>What promoting one candidate came to.</summary>
/// <param name="Gate">The gate decision that was applied (the last one, if the champion moved meanwhile).</param>
/// <param name="Champion">The champion that decision compared against; null when there was none.</param>
/// <param name="ChampionMetrics">The champion's metrics on the candidate's evaluation rows.</param>
/// <param name="Registered">The version registered for the candidate; null when nothing was registered.</param>
/// <param name="SameAs">An existing version with byte-identical artifact; then nothing new is registered.</param>
/// <param name="Attempts">How many times the gate ran: more than one when another run moved the champion meanwhile.</param>
public sealed record PromotionOutcome(
    GateDecision Gate,
    ModelVersion? Champion,
    IReadOnlyDictionary<string, double>? ChampionMetrics,
    ModelVersion? Registered,
    ModelVersion? SameAs,
    int Attempts);

/// <summary>
/// Applies the promotion gate and moves the champion alias without a race: the alias moves only if it
/// still points at the champion the gate compared against. When another run moved it meanwhile, the
/// candidate is gated again against the new champion (re-scored on the same rows), so the champion is
/// never replaced by a worse candidate that saw an older one. A candidate whose artifact is
/// byte-identical to an existing version registers nothing.
/// </summary>
public static class ChampionPromotion
{
    /// <summary>The alias of the serving model.</summary>
    public const string ChampionAlias = "champion";

    /// <summary>The alias given to a registered candidate that the gates rejected.</summary>
    public const string ChallengerAlias = "challenger";

    /// <summary>Gate attempts before giving up when the champion keeps moving.</summary>
    public const int MaxAttempts = 20;

    /// <summary>Gates the candidate and registers it as the champion, the challenger, or not at all.</summary>
    /// <param name="registry">The registry.</param>
    /// <param name="gates">The promotion gates.</param>
    /// <param name="model">The model name.</param>
    /// <param name="artifactSha256">The SHA-256 of the candidate's model file.</param>
    /// <param name="candidate">The candidate's metrics on the evaluation rows.</param>
    /// <param name="baseline">The heuristic baseline's metrics on the same rows.</param>
    /// <param name="scoreChampion">The metrics of a champion version on the same rows.</param>
    /// <param name="describe">The version to register, given the decision (stores the artifact first).</param>
    /// <param name="registerRejected">Whether a rejected candidate is registered as the challenger.</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="extraChecks">Further checks given the champion then current (null when none): the significance of the gains.</param>
    /// <param name="logger">Where each gate decision and each lost race is logged (nowhere when null).</param>
    /// <param name="promoteAs">
    /// Another alias for a candidate that passes (the automatic loop's <c>canary</c>): it is registered under that alias and the
    /// champion stays where it is; null to make it the champion.
    /// </param>
    public static async Task<PromotionOutcome> RunAsync(
        IRegistryStore registry,
        PromotionConfig gates,
        string model,
        string artifactSha256,
        IReadOnlyDictionary<string, double> candidate,
        IReadOnlyDictionary<string, double> baseline,
        Func<ModelVersion, CancellationToken, Task<IReadOnlyDictionary<string, double>>> scoreChampion,
        Func<GateDecision, CancellationToken, Task<NewModelVersion>> describe,
        bool registerRejected,
        CancellationToken ct = default,
        Func<ModelVersion?, IReadOnlyList<GateCheck>>? extraChecks = null,
        ILogger? logger = null,
        string? promoteAs = null)
    {
        logger ??= NullLogger.Instance;
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var champion = await registry.ResolveAliasAsync(model, ChampionAlias, ct);
            var championMetrics = champion is null ? null : await scoreChampion(champion, ct);
            var gate = PromotionGate.Decide(gates, candidate, baseline, championMetrics, extraChecks?.Invoke(champion));
            var championName = champion is null ? "none" : $"version {champion.Version}";
            logger.GateDecided(model, attempt, gate.Promote ? "promote" : "reject", championName, gate.Reason);
            var same = (await registry.ListAsync(model, ct)).FirstOrDefault(v => string.Equals(v.ArtifactSha256, artifactSha256, StringComparison.OrdinalIgnoreCase));
            if (same is not null && promoteAs is not null)
            {
                logger.SameAsExisting(model, same.Version);
                return new(gate, champion, championMetrics, null, same, attempt);
            }
            if (same is not null)
            {
                var moved = !gate.Promote || champion?.Version == same.Version
                    || await registry.MoveAliasIfAsync(model, ChampionAlias, same.Version, champion?.Version, ct);
                if (moved)
                {
                    logger.SameAsExisting(model, same.Version);
                    return new(gate, champion, championMetrics, null, await registry.FindAsync(model, same.Version, ct), attempt);
                }
                logger.ChampionMovedMeanwhile(model, championName);
                continue;
            }
            if (!gate.Promote)
            {
                var challenger = registerRejected ? await registry.RegisterAsync(await describe(gate, ct), ChallengerAlias, ct) : null;
                return new(gate, champion, championMetrics, challenger, null, attempt);
            }
            if (promoteAs is not null) return new(gate, champion, championMetrics, await registry.RegisterAsync(await describe(gate, ct), promoteAs, ct), null, attempt);
            var registered = await registry.RegisterIfAliasAsync(await describe(gate, ct), ChampionAlias, champion?.Version, ct);
            if (registered is not null) return new(gate, champion, championMetrics, registered, null, attempt);
            logger.ChampionMovedMeanwhile(model, championName);
        }
        throw new RecurException(FailureKind.Conflict, $"model '{model}': the champion moved {MaxAttempts} times while this candidate was being gated; run again");
    }
}
