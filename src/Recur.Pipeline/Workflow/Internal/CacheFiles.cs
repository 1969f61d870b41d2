using System.Text.Json;
using System.Text.Json.Serialization;
using Recur.Features;
using Recur.Features.Transforms;
using Recur.Training;

namespace Recur.Pipeline.Workflow.Internal;

/// <summary>How each cached step's output is laid out in its entry's folder.</summary>
internal static class CacheFiles
{
    private static readonly JsonSerializerOptions Options = new() { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public static void WriteInts(string path, IReadOnlyList<int> values)
    {
        using var writer = new BinaryWriter(File.Create(path));
        writer.Write(values.Count);
        foreach (var v in values) writer.Write(v);
    }

    public static List<int> ReadInts(string path)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        var count = reader.ReadInt32();
        var values = new List<int>(count);
        for (var i = 0; i < count; i++) values.Add(reader.ReadInt32());
        return values;
    }

    public static void WriteFeatures(string folder, FittedFeatures features)
    {
        if (features.Chain is { } chain) File.WriteAllBytes(Path.Combine(folder, "chain.json"), chain.ToJson(TransformCatalog.Standard));
        File.WriteAllBytes(Path.Combine(folder, "notes.json"), JsonSerializer.SerializeToUtf8Bytes(features.Notes, Options));
    }

    public static FittedFeatures ReadFeatures(string folder)
    {
        var chainPath = Path.Combine(folder, "chain.json");
        var chain = File.Exists(chainPath) ? FeatureChain.FromJson(File.ReadAllBytes(chainPath), TransformCatalog.Standard) : null;
        var notes = JsonSerializer.Deserialize<List<string>>(File.ReadAllBytes(Path.Combine(folder, "notes.json")), Options) ?? [];
        return new FittedFeatures(chain, notes);
    }

    public static void WriteCandidate(string folder, (TrainedModel Model, IReadOnlyDictionary<string, double> Metrics, double Seconds) c)
    {
        c.Model.Save(Path.Combine(folder, "model.zip"));
        File.WriteAllBytes(Path.Combine(folder, "candidate.json"), JsonSerializer.SerializeToUtf8Bytes(new Candidate(c.Metrics.ToDictionary(), c.Seconds), Options));
    }

    public static (TrainedModel Model, IReadOnlyDictionary<string, double> Metrics, double Seconds) ReadCandidate(string folder)
    {
        var model = TrainedModel.Load(Path.Combine(folder, "model.zip"));
        var c = JsonSerializer.Deserialize<Candidate>(File.ReadAllBytes(Path.Combine(folder, "candidate.json")), Options)
            ?? throw Core.RecurException.Invalid($"{folder}: empty candidate.json");
        return (model, c.Metrics, c.Seconds);
    }

    private sealed record Candidate(Dictionary<string, double> Metrics, double Seconds);
}
