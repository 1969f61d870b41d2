using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Recur.Core.Data;

namespace Recur.Storage.Postgres.Internal;

/// <summary>
/// JSON and timestamp encodings of the stored columns. JSON is kept as TEXT, not JSONB: the prediction log's
/// inputs and every record read back must be byte-identical to what was written, and JSONB normalises spacing
/// and key order.
/// </summary>
internal static class Json
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = JsonTypeInfoResolver.Combine(PostgresJson.Default, new DefaultJsonTypeInfoResolver()),
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)!;

    /// <summary>
    /// The instant as TIMESTAMPTZ holds it: UTC, whole microseconds (.NET keeps 100 ns ticks; the extra digit is
    /// dropped, as Npgsql does when it writes).
    /// </summary>
    public static DateTimeOffset Time(DateTimeOffset t) => new(t.UtcTicks - t.UtcTicks % 10, TimeSpan.Zero);

    /// <summary>A TIMESTAMPTZ read back (Npgsql returns UTC <see cref="DateTime"/>s).</summary>
    public static DateTimeOffset Time(DateTime t) => new(DateTime.SpecifyKind(t, DateTimeKind.Utc), TimeSpan.Zero);

    /// <summary>An optional instant as a parameter (null stays null).</summary>
    public static DateTimeOffset? Time(DateTimeOffset? t) => t is { } v ? Time(v) : null;
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IReadOnlyList<ColumnSpec>))]
[JsonSerializable(typeof(IReadOnlyList<string>))]
[JsonSerializable(typeof(List<ColumnSpec>))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class PostgresJson : JsonSerializerContext;
