using DuckDB.NET.Data;

// Usage: DuckDbPeer copy IN.csv OUT.parquet | DuckDbPeer profile IN.csv
if (args.Length < 2) { Console.Error.WriteLine("usage: DuckDbPeer copy IN.csv OUT.parquet | profile IN.csv"); return 2; }
using var connection = new DuckDBConnection("DataSource=:memory:");
connection.Open();
using var command = connection.CreateCommand();
command.CommandText = args[0] switch
{
    "copy" => $"COPY (SELECT * FROM read_csv('{args[1]}')) TO '{args[2]}' (FORMAT parquet)",
    _ => $"SUMMARIZE SELECT * FROM read_csv('{args[1]}')",
};
using var reader = command.ExecuteReader();
var rows = 0;
while (reader.Read()) rows++;
Console.Error.WriteLine($"duckdb {args[0]}: {rows} result rows");
return 0;
