using System.CommandLine;
using System.Globalization;
using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Features;
using Recur.Features.Embeddings;
using Recur.Pipeline;
using Recur.Pipeline.Steps;

namespace Recur.Cli.Commands;

/// <summary>
/// <c>recur features embed|neighbours|embeddings</c>: train a versioned embedding artifact from the project's data,
/// look up a value's nearest values in it, and list the stored artifacts.
/// </summary>
internal static class EmbeddingCommands
{
    public static void AddTo(Command features)
    {
        features.Subcommands.Add(Embed());
        features.Subcommands.Add(Neighbours());
        features.Subcommands.Add(List());
    }

    private static Command Embed()
    {
        var name = new Argument<string>("name") { Description = "The artifact's name (letters, digits, '-', '_', '.'); each run stores a new version" };
        var column = new Option<string>("--column") { Description = "The column to embed", Required = true };
        var dataset = new Option<string>("--dataset") { Description = "Dataset whose newest snapshot's training split is read", DefaultValueFactory = _ => "train" };
        var dimensions = new Option<int>("--dimensions") { Description = "Vector length", DefaultValueFactory = _ => 16 };
        var kind = new Option<string?>("--kind") { Description = "category or tokens (default: tokens for free text, category otherwise)" };
        var minCount = new Option<int>("--min-count") { Description = "Fewest training occurrences a value or token needs", DefaultValueFactory = _ => 2 };
        var command = new Command("embed", "Learn dense vectors for a categorical column's values or a text column's words from the training split (PPMI + truncated SVD)")
        {
            name, column, dataset, dimensions, kind, minCount,
        };
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var project = ctx.OpenProject();
            var artifactName = parse.GetValue(name)!;
            if (artifactName.Contains('@')) throw RecurException.Invalid($"'{artifactName}' is not an embedding name: a version (@vN) is given by the store", "name");
            if (EmbeddingStore.Problem(artifactName) is { } problem) throw RecurException.Invalid(problem, "name");
            var snapshot = await project.LatestSnapshotAsync(parse.GetValue(dataset)!, ct);
            var data = await project.ReadAsync(snapshot, ct);
            var target = parse.GetValue(column)!;
            if (!data.Has(target)) throw RecurException.Invalid($"--column: no column '{target}' in {snapshot.Dataset} (columns: {string.Join(", ", data.Columns.Select(c => c.Name))})", "column");
            var train = data.Take(TrainingRun.SplitRows(project.Config, data).Train);
            var chosen = parse.GetValue(kind) ?? (data[target] is TextColumn && FeatureEngineering.RoleOf(project.Config.Features, train[target]) == ColumnRole.Text ? EmbeddingKind.Tokens : EmbeddingKind.Category);
            var options = new EmbeddingOptions { Kind = chosen, Dimensions = parse.GetValue(dimensions), MinCount = parse.GetValue(minCount), Seed = project.Config.Seed };
            if (options.Problem() is { } bad) throw RecurException.Invalid($"recur features embed: {bad}", "options");
            var contexts = chosen == EmbeddingKind.Category ? FeaturePlan.From(project.Config, train).Features.Select(f => f.Name).ToList() : [];
            var artifact = EmbeddingTrainer.Train(train, target, project.Config.Label, contexts, options);
            artifact.Name = artifactName;
            artifact.Snapshot = snapshot.Id;
            new EmbeddingStore(new ProjectLayout(project.Root).Embeddings).Add(artifact);
            if (ctx.Json)
            {
                ctx.WriteJson(new
                {
                    artifact = artifact.Reference, name = artifact.Name, version = artifact.Version, column = artifact.Column, kind = artifact.Kind,
                    vocabulary = artifact.Vocabulary.Count, dimensions = artifact.Dimensions, rows = artifact.Rows, snapshot = artifact.Snapshot,
                    seed = artifact.Seed, sha256 = artifact.Sha256, training = artifact.Training,
                });
                return 0;
            }
            ctx.Human.WriteLine($"{artifact.Reference}: {artifact.Vocabulary.Count:N0} {(artifact.Kind == EmbeddingKind.Tokens ? "tokens" : "values")} of '{artifact.Column}' x {artifact.Dimensions} dimensions, from {artifact.Rows:N0} training rows of snapshot {artifact.Snapshot[..Math.Min(12, artifact.Snapshot.Length)]}");
            ctx.Human.WriteLine($"sha256 {artifact.Sha256}");
            ctx.Human.WriteLine($"use it: features.transforms: - {{transform: embed, columns: [{artifact.Column}], params: {{artifact: {artifact.Name}}}}}");
            return 0;
        }));
        return command;
    }

    private static Command Neighbours()
    {
        var artifact = new Argument<string>("artifact") { Description = "NAME (newest version) or NAME@vN" };
        var value = new Argument<string>("value") { Description = "A value (or token) of the artifact's vocabulary" };
        var top = new Option<int>("--top") { Description = "How many neighbours", DefaultValueFactory = _ => 10 };
        var command = new Command("neighbours", "Print the values whose vectors are closest to a value's (cosine similarity)") { artifact, value, top };
        command.Aliases.Add("neighbors");
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, ctx =>
        {
            var project = ctx.OpenProject();
            var reference = parse.GetValue(artifact)!;
            var found = new EmbeddingStore(new ProjectLayout(project.Root).Embeddings).Find(reference)
                ?? throw RecurException.NotFound($"no embedding '{reference}' (run recur features embed to train one; recur features embeddings lists them)");
            var wanted = parse.GetValue(value)!;
            var nearest = found.Nearest(wanted, parse.GetValue(top))
                ?? throw RecurException.Invalid($"'{wanted}' is not in the vocabulary of {found.Reference} ({found.Vocabulary.Count:N0} {found.Kind} entries of '{found.Column}'; values seen fewer than min_count times have no vector)", "value");
            if (ctx.Json)
            {
                ctx.WriteJson(new { artifact = found.Reference, value = wanted, neighbours = nearest.Select(n => new { value = n.Value, similarity = Math.Round(n.Similarity, 4) }) });
                return Task.FromResult(0);
            }
            var table = Tables.Of("#", "value", "cosine");
            var i = 0;
            foreach (var (v, s) in nearest) table.Row(++i, v, s.ToString("F3", CultureInfo.InvariantCulture));
            ctx.Human.WriteLine($"nearest to '{wanted}' in {found.Reference}:");
            ctx.Human.Write(table);
            return Task.FromResult(0);
        }));
        return command;
    }

    private static Command List()
    {
        var command = new Command("embeddings", "List the stored embedding artifacts");
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, ctx =>
        {
            var store = new EmbeddingStore(new ProjectLayout(ctx.OpenProject().Root).Embeddings);
            var rows = store.List().Select(p => store.Find($"{p.Name}@v{p.Version}")!).Select(a => new
            {
                artifact = a.Reference, column = a.Column, kind = a.Kind, vocabulary = a.Vocabulary.Count, dimensions = a.Dimensions, snapshot = a.Snapshot, sha256 = a.Sha256,
            }).ToList();
            if (ctx.Json)
            {
                ctx.WriteJson(new { embeddings = rows });
                return Task.FromResult(0);
            }
            var table = Tables.Of("artifact", "column", "kind", "vocabulary", "dimensions", "sha256");
            foreach (var r in rows) table.Row(r.artifact, r.column, r.kind, r.vocabulary, r.dimensions, r.sha256[..12]);
            if (rows.Count == 0) ctx.Human.WriteLine("no embeddings yet (recur features embed NAME --column COL)");
            else ctx.Human.Write(table);
            return Task.FromResult(0);
        }));
        return command;
    }
}
