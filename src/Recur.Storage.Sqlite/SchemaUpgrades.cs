using Dapper;
using Microsoft.Data.Sqlite;

namespace Recur.Storage.Sqlite;

/// <summary>
/// Columns added to tables after they were first created: each is added when missing, so a database made by an older
/// Recur keeps its rows and gains the column (NULL in the old rows). Adding a column is one line here.
/// </summary>
internal static class SchemaUpgrades
{
    private static readonly (string Table, string Column, string Type)[] Columns =
    [
        ("predictions", "surrogate_label", "TEXT"),
        ("predictions", "surrogate_score", "REAL"),
    ];

    public static void Apply(SqliteConnection connection)
    {
        foreach (var group in Columns.GroupBy(c => c.Table))
        {
            var present = connection.Query<string>($"SELECT name FROM pragma_table_info('{group.Key}')").ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var (table, column, type) in group.Where(c => !present.Contains(c.Column)))
            {
                try
                {
                    connection.Execute($"ALTER TABLE {table} ADD COLUMN {column} {type}");
                }
                catch (SqliteException e) when (e.Message.Contains("duplicate column", StringComparison.OrdinalIgnoreCase))
                {
                    // Another process opening the same database added it first.
                }
            }
        }
    }
}
