using System.Globalization;
using Microsoft.Data.Sqlite;
using Recur.Storage.Sqlite;

namespace Recur.MonitoringBench;

/// <summary>
/// Writes synthetic predictions straight into the predictions table (one prepared statement, one transaction per
/// million rows) and labels for half of them: two numeric and two text features, a binary score, one row every
/// half second. Seeded, so every run writes the same log.
/// </summary>
internal static class LogGenerator
{
    public static readonly string[] Colours = ["red", "green", "blue", "grey"];
    public static readonly string[] Sizes = ["S", "M", "L"];
    public static readonly DateTimeOffset Origin = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void Append(SqliteDatabase db, long first, long count, int seed)
    {
        var random = new Random(seed);
        using var connection = db.Open();
        for (long done = 0; done < count;)
        {
            var chunk = Math.Min(1_000_000, count - done);
            using var tx = connection.BeginTransaction();
            using var insert = connection.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = "INSERT INTO predictions (key, model, version, ts, inputs_json, label, score) VALUES ($k, 'bench', 1, $t, $i, $l, $s)";
            var (k, t, i, l, s) = (insert.Parameters.Add("$k", SqliteType.Text), insert.Parameters.Add("$t", SqliteType.Text), insert.Parameters.Add("$i", SqliteType.Text),
                insert.Parameters.Add("$l", SqliteType.Text), insert.Parameters.Add("$s", SqliteType.Real));
            using var label = connection.CreateCommand();
            label.Transaction = tx;
            label.CommandText = "INSERT INTO feedback (key, label, ts) VALUES ($k, $l, $t)";
            var (fk, fl, ft) = (label.Parameters.Add("$k", SqliteType.Text), label.Parameters.Add("$l", SqliteType.Text), label.Parameters.Add("$t", SqliteType.Text));
            insert.Prepare();
            label.Prepare();
            for (long r = 0; r < chunk; r++)
            {
                var n = first + done + r;
                // Slow drift: the first feature's mean walks up over the log.
                var x = Normal(random) + n / 5_000_000.0;
                var y = Normal(random) * 2;
                var score = 1 / (1 + Math.Exp(-(x + 0.3 * y)));
                var time = Origin.AddMilliseconds(n * 500).ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);
                k.Value = "k" + n.ToString(CultureInfo.InvariantCulture);
                t.Value = time;
                i.Value = string.Create(CultureInfo.InvariantCulture, $"{{\"x\":{x:R},\"y\":{y:R},\"colour\":\"{Colours[random.Next(Colours.Length)]}\",\"size\":\"{Sizes[random.Next(Sizes.Length)]}\"}}");
                l.Value = score >= 0.5 ? "yes" : "no";
                s.Value = score;
                insert.ExecuteNonQuery();
                if (n % 2 == 0)
                {
                    fk.Value = k.Value;
                    fl.Value = random.NextDouble() < score ? "yes" : "no";
                    ft.Value = time;
                    label.ExecuteNonQuery();
                }
            }
            tx.Commit();
            done += chunk;
        }
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
