using System.Text.Json;
using Recur.Core.Data;
using Recur.Storage.Sqlite;

namespace Recur.Tests.Storage.Sqlite;

public sealed class StoredJsonTests
{
    [Fact]
    public void Write_GeneratedContracts_WriteWhatReflectionWrites()
    {
        // Rows written before the contracts were generated must read the same, and vice versa.
        IReadOnlyList<ColumnSpec> schema = [new("age", ColumnType.Integer, false), new("payment_type", ColumnType.Text)];
        IReadOnlyList<string> parents = ["a5fb32b4", "0c1d"];
        var reflection = new JsonSerializerOptions(JsonSerializerDefaults.Web);

        Assert.Equal(JsonSerializer.Serialize(schema, reflection), Json.Write(schema));
        Assert.Equal(JsonSerializer.Serialize(parents, reflection), Json.Write(parents));
        Assert.Equal(schema, Json.Read<List<ColumnSpec>>(JsonSerializer.Serialize(schema, reflection)));
    }
}
