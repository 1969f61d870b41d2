using System.IO.Compression;
using System.Text.Json;
using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Training.Composition;

namespace Recur.Training.Internal;

/// <summary>
/// The body of a composed model: its composition, its members (each a whole model file inside this one) and the
/// composition's fitted spec. It reads raw rows (the composed model has no feature chain of its own; each member applies
/// its own). Thread-safe when its members are.
/// </summary>
internal sealed class ComposedBody(IComposition composition, IReadOnlyList<ComposedMember> members, JsonElement spec) : IModelBody
{
    /// <summary>The entry naming the composition, its members and its spec.</summary>
    public const string Entry = "composition.json";

    private const string MemberFolder = "members/";

    /// <summary>How the members' answers are combined.</summary>
    public IComposition Composition { get; } = composition;

    /// <summary>The members in saved order.</summary>
    public IReadOnlyList<ComposedMember> Members { get; } = members;

    /// <summary>The composition's fitted settings.</summary>
    public JsonElement Spec { get; } = spec;

    /// <summary>The outputs for raw rows under the composed model's manifest.</summary>
    public ModelOutput Predict(ModelManifest manifest, DataTable rows) => Composition.Predict(new ComposedModel(manifest, Members, Spec), rows);

    // TrainedModel routes Score/ScoreClasses/Predict of a composed model through Predict with its manifest.
    public double[] Score(DataTable table) => throw new InvalidOperationException("a composed body scores through Predict");

    public double[][] ScoreClasses(DataTable table) => throw new InvalidOperationException("a composed body scores through Predict");

    public void Write(ZipArchive zip)
    {
        var header = new Header(Composition.Name, [.. Members.Select(m => m.Name)], Spec);
        var entry = zip.CreateEntry(Entry, CompressionLevel.Optimal);
        entry.LastWriteTime = ReproducibleZip.EntryTime;
        using (var stream = entry.Open())
        {
            JsonSerializer.Serialize(stream, header, CompositionCatalog.SpecOptions);
        }
        for (var i = 0; i < Members.Count; i++)
        {
            // A member's file is already compressed: stored as it is.
            var member = zip.CreateEntry($"{MemberFolder}{i:D2}.recur", CompressionLevel.NoCompression);
            member.LastWriteTime = ReproducibleZip.EntryTime;
            using var stream = member.Open();
            stream.Write(Members[i].Model.ToBytes());
        }
    }

    /// <summary>Reads a composed body written by <see cref="Write"/>; <paramref name="source"/> names the file in errors.</summary>
    public static ComposedBody Load(ZipArchive zip, ZipArchiveEntry entry, string source)
    {
        Header header;
        using (var stream = entry.Open())
        {
            header = JsonSerializer.Deserialize<Header>(stream, CompositionCatalog.SpecOptions) ?? throw RecurException.Invalid($"{source}: empty {Entry}");
        }
        var composition = CompositionCatalog.Get(header.Composition, source);
        var members = new List<ComposedMember>(header.Members.Count);
        for (var i = 0; i < header.Members.Count; i++)
        {
            var name = header.Members[i];
            var file = zip.GetEntry($"{MemberFolder}{i:D2}.recur") ?? throw RecurException.Invalid($"{source}: composed model lacks member '{name}'");
            using var stream = file.Open();
            var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            members.Add(new ComposedMember(name, TrainedModel.Load(bytes.ToArray(), $"{source} (member '{name}')")));
        }
        return new ComposedBody(composition, members, header.Spec.Clone());
    }

    private sealed record Header(string Composition, IReadOnlyList<string> Members, JsonElement Spec);
}
