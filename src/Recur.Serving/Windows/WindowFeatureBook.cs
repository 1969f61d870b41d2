using System.Buffers;
using System.Collections.Concurrent;
using System.Text.Json;
using Recur.Core;
using Recur.Core.Project;
using Recur.Core.Serving;

namespace Recur.Serving.Windows;

/// <summary>
/// The live window state of every served version trained with <c>features.windows</c>: one
/// <see cref="IWindowFeatureSource"/> per version, created on its first request with empty windows. A request's
/// instances carry the time, entity and value fields; <see cref="Complete"/> computes each instance's window features
/// from the state before it (in request order, one request at a time per version), adds its event, and returns the body
/// with those features filled in, ready for <see cref="Requests.InstanceReader"/>.
/// </summary>
/// <param name="create">Makes a source with empty windows for a declaration.</param>
public sealed class WindowFeatureBook(Func<WindowsConfig, IWindowFeatureSource> create)
{
    private readonly ConcurrentDictionary<(string Model, int Version), IWindowFeatureSource> _sources = new();

    /// <summary>The live source of a version, if it has served a request.</summary>
    public IWindowFeatureSource? Find(string model, int version) => _sources.GetValueOrDefault((model, version));

    /// <summary>
    /// The body with each instance's window features computed from the version's live state; the body itself when the
    /// version has no windows. A field the source reads (time, entity, values) that the model does not take is removed;
    /// sending a window feature is refused (the server computes it). An instance's event enters the state when it is
    /// read, so instances before a refused one stay counted.
    /// </summary>
    public JsonElement Complete(LoadedModel loaded, JsonElement body)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        if (loaded.Model.Manifest.Windows is not { } windows) return body;
        var source = _sources.GetOrAdd((loaded.Version.Model, loaded.Version.Version), _ => create(windows));
        var plan = loaded.Model.Manifest.Plan;
        var taken = plan.Features.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var outputs = source.Outputs.ToHashSet(StringComparer.Ordinal);
        var instances = Requests.InstanceReader.Instances(body);
        var buffer = new ArrayBufferWriter<byte>();
        lock (source)
        {
            using var writer = new Utf8JsonWriter(buffer);
            writer.WriteStartObject();
            foreach (var property in body.EnumerateObject())
            {
                if (property.NameEquals("instances")) continue;
                property.WriteTo(writer);
            }
            writer.WritePropertyName("instances");
            writer.WriteStartArray();
            var i = 0;
            foreach (var instance in instances.EnumerateArray())
            {
                WriteInstance(writer, instance, $"instances[{i++}]", source, taken, outputs);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    private static void WriteInstance(Utf8JsonWriter writer, JsonElement instance, string path, IWindowFeatureSource source, HashSet<string> taken, HashSet<string> outputs)
    {
        if (instance.ValueKind != JsonValueKind.Object || !instance.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Object)
        {
            // Not an instance the reader accepts: left as it is, for its precise error.
            instance.WriteTo(writer);
            return;
        }
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var name in source.Inputs)
        {
            fields[name] = features.TryGetProperty(name, out var value) ? Text(value, $"{path}.features.{name}") : null;
        }
        foreach (var property in features.EnumerateObject())
        {
            if (outputs.Contains(property.Name))
            {
                throw RecurException.Invalid($"{path}.features.{property.Name}: a window feature (features.windows), computed by the server from the events before this one; send the time, entity and value fields instead", $"{path}.features.{property.Name}");
            }
        }
        IReadOnlyList<double> computed;
        try
        {
            computed = source.Next(fields);
        }
        catch (RecurException e) when (e.Kind == FailureKind.InvalidInput)
        {
            throw RecurException.Invalid($"{path}.features.{e.Message}", $"{path}.features.{e.Field}");
        }
        writer.WriteStartObject();
        foreach (var property in instance.EnumerateObject())
        {
            if (property.NameEquals("features")) continue;
            property.WriteTo(writer);
        }
        writer.WritePropertyName("features");
        writer.WriteStartObject();
        var inputs = source.Inputs.ToHashSet(StringComparer.Ordinal);
        foreach (var property in features.EnumerateObject())
        {
            if (inputs.Contains(property.Name) && !taken.Contains(property.Name)) continue;
            property.WriteTo(writer);
        }
        for (var f = 0; f < computed.Count; f++)
        {
            // Shortest round-trip text: the reader gets the same bits back; a missing feature is null.
            if (double.IsFinite(computed[f])) writer.WriteNumber(source.Outputs[f], computed[f]);
            else writer.WriteNull(source.Outputs[f]);
        }
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static string? Text(JsonElement value, string field) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        _ => throw RecurException.Invalid($"{field}: expected a number, a date-time text or null for a window input", field),
    };
}
