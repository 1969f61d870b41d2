using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Recur.Core.Serving;
using Recur.Storage.Postgres;
using Recur.Storage.Sqlite;

// dotnet run -c Release --project bench/Recur.LogThroughput -- POSTGRES_CONNECTION [RECORDS]
// Appends RECORDS Adult-sized prediction records (default 20,000; 2,000 for batches of 1) to a fresh SQLite file and a
// fresh PostgreSQL schema, in batches of 1, 64 and 2048, one transaction per batch as the log writer does, and prints
// records/s for each, with PostgreSQL's COPY and INSERT paths both measured. Run by bench/peers/log-throughput.sh.
if (args.Length < 1) { Console.Error.WriteLine("usage: Recur.LogThroughput POSTGRES_CONNECTION [RECORDS]"); return 2; }
var server = args[0];
var records = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20_000;
const string Inputs = """{"age":39,"workclass":"State-gov","education":"Bachelors","education-num":13,"marital-status":"Never-married","occupation":"Adm-clerical","relationship":"Not-in-family","race":"White","sex":"Male","capital-gain":2174,"capital-loss":0,"hours-per-week":40,"native-country":"United-States"}""";
var dir = Path.Combine(Path.GetTempPath(), "recur-log-bench-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(dir);

Console.WriteLine($"| batch | SQLite (WAL, synchronous=NORMAL) | PostgreSQL COPY | PostgreSQL INSERT | PostgreSQL (as shipped) / SQLite |");
Console.WriteLine("|---:|---:|---:|---:|---:|");
try
{
    foreach (var batch in new[] { 1, 64, 2048 })
    {
        var count = batch == 1 ? Math.Min(records, 2_000) : records;
        var sqlite = await MeasureAsync(new SqlitePredictionLog(new SqliteDatabase(Path.Combine(dir, $"b{batch}.db"))), batch, count);
        var copy = batch == 1 ? double.NaN : await MeasureAsync(new PostgresPredictionLog(new PostgresDatabase(Schema(server))) { CopyFrom = 1 }, batch, count);
        var insert = await MeasureAsync(new PostgresPredictionLog(new PostgresDatabase(Schema(server))) { CopyFrom = int.MaxValue }, batch, count);
        var shipped = batch >= PostgresPredictionLog.CopyThreshold ? copy : insert;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {batch} | {sqlite:N0} | {(double.IsNaN(copy) ? "—" : copy.ToString("N0", CultureInfo.InvariantCulture))} | {insert:N0} | {shipped / sqlite:0.00}x |"));
    }
}
finally
{
    Directory.Delete(dir, recursive: true);
}
return 0;

// records/s over `count` records after a warm-up batch.
static async Task<double> MeasureAsync(IPredictionLog log, int batch, int count)
{
    var rows = Enumerable.Range(0, batch).Select(i => new PredictionRecord($"key-{i}", "adult", 1, DateTimeOffset.UnixEpoch.AddSeconds(i), Inputs, "<=50K", 0.12, "default", null, 0.3)).ToArray();
    await log.AppendAsync(rows);
    var clock = Stopwatch.StartNew();
    for (var written = 0; written < count; written += batch) await log.AppendAsync(rows);
    return count / clock.Elapsed.TotalSeconds;
}

static string Schema(string server)
{
    var name = $"logbench_{Guid.NewGuid():N}";
    using (var connection = new NpgsqlConnection(server))
    {
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE SCHEMA {name}", connection);
        command.ExecuteNonQuery();
    }
    return new NpgsqlConnectionStringBuilder(server) { SearchPath = name }.ConnectionString;
}
