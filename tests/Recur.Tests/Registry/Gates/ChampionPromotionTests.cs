using Recur.Core.Project;
using Recur.Core.Registry;
using Recur.Registry.Gates;
using Recur.Storage.Sqlite;

namespace Recur.Tests.Registry.Gates;

public sealed class ChampionPromotionTests : IDisposable
{
    private static readonly PromotionConfig Gates = new() { Metric = "auc", MinValue = 0.6, MinGainOverBaseline = 0.01, MinGainOverChampion = 0.0 };
    private readonly TempDir _dir = new();
    private readonly SqliteRegistryStore _registry;

    public ChampionPromotionTests() => _registry = new SqliteRegistryStore(new SqliteDatabase(_dir.Path("recur.db")), TimeProvider.System);

    public void Dispose() => _dir.Dispose();

    private static Dictionary<string, double> Auc(double v) => new() { ["auc"] = v };

    private static NewModelVersion Candidate(string sha, double auc, string reason) =>
        new("m", sha, new ModelLineage([], "c", "v", 1, "lightgbm", new Dictionary<string, string>()), Auc(auc), reason);

    private static string Sha(char c) => new(c, 64);

    private Task<PromotionOutcome> PromoteAsync(string sha, double auc, Func<ModelVersion, Task>? whileScoringChampion = null, bool registerRejected = false) =>
        ChampionPromotion.RunAsync(_registry, Gates, "m", sha, Auc(auc), Auc(0.5),
            async (champion, _) =>
            {
                if (whileScoringChampion is not null) await whileScoringChampion(champion);
                return champion.Metrics;
            },
            (gate, _) => Task.FromResult(Candidate(sha, auc, gate.Reason)), registerRejected);

    [Fact]
    public async Task RunAsync_ChampionMovedToABetterVersionDuringTheGate_GatesAgainAndKeepsTheBetter()
    {
        await PromoteAsync(Sha('a'), 0.80);
        var raced = false;

        // While this candidate (0.85) is compared with v1 (0.80), another run registers v2 (0.90) as champion.
        var outcome = await PromoteAsync(Sha('b'), 0.85, async champion =>
        {
            if (raced) return;
            raced = true;
            await _registry.RegisterAsync(Candidate(Sha('c'), 0.90, "other run"), ChampionPromotion.ChampionAlias);
        });

        Assert.False(outcome.Gate.Promote);
        Assert.Equal(2, outcome.Attempts);
        Assert.Equal(2, outcome.Champion!.Version);
        Assert.Null(outcome.Registered);
        Assert.Equal(Sha('c'), (await _registry.ResolveAliasAsync("m", ChampionPromotion.ChampionAlias))!.ArtifactSha256);
        Assert.Equal(2, (await _registry.ListAsync("m")).Count);
    }

    [Fact]
    public async Task RunAsync_ChampionMovedToAWorseVersionDuringTheGate_PromotesAgainstTheNewOne()
    {
        await PromoteAsync(Sha('a'), 0.80);
        var raced = false;

        var outcome = await PromoteAsync(Sha('b'), 0.85, async champion =>
        {
            if (raced) return;
            raced = true;
            await _registry.RegisterAsync(Candidate(Sha('c'), 0.70, "forced"), ChampionPromotion.ChampionAlias);
        });

        Assert.True(outcome.Gate.Promote);
        Assert.Equal(2, outcome.Champion!.Version);
        Assert.Equal(3, outcome.Registered!.Version);
        Assert.Contains("0.7", outcome.Registered.Description);
        Assert.Equal(3, (await _registry.ResolveAliasAsync("m", ChampionPromotion.ChampionAlias))!.Version);
    }

    [Fact]
    public async Task RunAsync_ConcurrentCandidates_ChampionIsTheBest()
    {
        var aucs = new[] { 0.71, 0.93, 0.82, 0.88, 0.76, 0.91 };

        await Task.WhenAll(aucs.Select((auc, i) => Task.Run(() => PromoteAsync(Sha((char)('a' + i)), auc))));

        var champion = await _registry.ResolveAliasAsync("m", ChampionPromotion.ChampionAlias);
        Assert.Equal(0.93, champion!.Metrics["auc"]);
    }

    [Fact]
    public async Task RunAsync_ArtifactIdenticalToAVersion_RegistersNothingAndNamesIt()
    {
        await PromoteAsync(Sha('a'), 0.80);

        var outcome = await PromoteAsync(Sha('a'), 0.80, registerRejected: true);

        Assert.Null(outcome.Registered);
        Assert.Equal(1, outcome.SameAs!.Version);
        Assert.Single(await _registry.ListAsync("m"));
    }
}
