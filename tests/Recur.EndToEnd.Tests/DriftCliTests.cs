using System.Globalization;
using System.Text.Json;

namespace Recur.EndToEnd.Tests;

/// <summary>
/// <c>recur drift REFERENCE CURRENT</c> on the German credit data (examples/german-credit) split by age: applicants
/// under 30 against those 30 and over, a real shift in age and in the columns that go with it.
/// </summary>
public sealed class DriftCliTests : IDisposable
{
    private static readonly string[] Columns =
    [
        "checking", "duration", "credit_history", "purpose", "amount", "savings", "employment", "installment_rate",
        "personal_status", "debtors", "residence_since", "property", "age", "other_plans", "housing", "existing_credits",
        "job", "dependents", "telephone", "foreign_worker", "risk",
    ];

    private readonly TempDir _dir = new();

    public DriftCliTests()
    {
        var example = Path.Combine(AppContext.BaseDirectory, "examples", "german-credit");
        Directory.CreateDirectory(_dir.Path("data"));
        File.Copy(Path.Combine(example, "recur.yaml"), _dir.Path("recur.yaml"));
        File.Copy(Path.Combine(example, "data", "german.data"), _dir.Path(Path.Combine("data", "german.data")));
        var rows = File.ReadAllLines(Path.Combine(example, "data", "german.data")).Where(l => l.Length > 0).Select(l => l.Trim().Split(' ')).ToList();
        var age = Array.IndexOf(Columns, "age");
        Write("young.csv", rows.Where(r => int.Parse(r[age], CultureInfo.InvariantCulture) < 30));
        Write("older.csv", rows.Where(r => int.Parse(r[age], CultureInfo.InvariantCulture) >= 30));
    }

    private void Write(string name, IEnumerable<string[]> rows) =>
        File.WriteAllLines(_dir.Path(name), [string.Join(',', Columns), .. rows.Select(r => string.Join(',', r))]);

    private static JsonElement Column(JsonElement result, string name) =>
        result.GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("column").GetString() == name);

    [Fact]
    public async Task Drift_FilesSplitByAge_FlagsAgeWithAMajorPsiAndReportsEveryColumn()
    {
        var result = (await CliRunner.OkAsync(_dir.Root, "drift", "young.csv", "older.csv", "--correction", "bh", "--project", _dir.Root, "--json")).Json;

        // 1000 rows split ~ 370/630: the reference is under 1000 rows, so hypothesis tests with Benjamini–Hochberg.
        var age = Column(result, "age");
        Assert.Equal(("numeric", "ks", "judged"), (age.GetProperty("type").GetString(), age.GetProperty("test").GetString(), age.GetProperty("status").GetString()));
        Assert.True(age.GetProperty("drifted").GetBoolean());
        Assert.True(age.GetProperty("p_value").GetDouble() < 1e-50);
        Assert.Equal("major", age.GetProperty("psi_band").GetString());
        Assert.Equal(1000, age.GetProperty("reference_count").GetInt32() + age.GetProperty("current_count").GetInt32());
        var telephone = Column(result, "telephone");
        Assert.Equal(("categorical", "z_test"), (telephone.GetProperty("type").GetString(), telephone.GetProperty("test").GetString()));
        Assert.Equal(21, result.GetProperty("columns").GetArrayLength());
        Assert.Equal(("bh", 21, 0), (result.GetProperty("correction").GetString(), result.GetProperty("judged").GetInt32(), result.GetProperty("not_judged").GetInt32()));
        var drifted = result.GetProperty("columns").EnumerateArray().Count(c => c.GetProperty("drifted").GetBoolean());
        Assert.Equal(drifted, result.GetProperty("drifted").GetInt32());
        Assert.Equal(drifted / 21.0, result.GetProperty("drift_share").GetDouble(), 12);
        Assert.Equal(drifted >= 11 ? "drift" : "no_drift", result.GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task Drift_DatasetAgainstAFileWithTestsAndThresholdsPerColumn_UsesThemAndTheNewestSnapshot()
    {
        await CliRunner.OkAsync(_dir.Root, "ingest", "train", "--project", _dir.Root);

        var result = (await CliRunner.OkAsync(_dir.Root, "drift", "train", "older.csv", "--columns", "age,duration,purpose",
            "--test", "age=psi", "--threshold", "age=0.5", "--test", "purpose=jensen_shannon", "--project", _dir.Root, "--json")).Json;

        Assert.StartsWith("dataset 'train', snapshot ", result.GetProperty("reference").GetProperty("source").GetString());
        Assert.Equal(1000, result.GetProperty("reference").GetProperty("rows").GetInt32());
        var age = Column(result, "age");
        Assert.Equal(("psi", 0.5), (age.GetProperty("test").GetString(), age.GetProperty("threshold").GetDouble()));
        Assert.Equal(age.GetProperty("statistic").GetDouble(), age.GetProperty("psi").GetDouble());
        Assert.Equal("jensen_shannon", Column(result, "purpose").GetProperty("test").GetString());
        Assert.Equal(3, result.GetProperty("columns").GetArrayLength());
    }

    [Fact]
    public async Task Drift_MissingColumn_FailsWithOneLineNamingTheColumnAndFile()
    {
        var result = await CliRunner.RunAsync(_dir.Root, "drift", "young.csv", "older.csv", "--columns", "age,salary", "--project", _dir.Root, "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Stdout.Trim());
        var line = Assert.Single(result.Stderr.Trim().Split('\n'));
        Assert.Equal("error: --columns: column 'salary' is not in the reference (file young.csv)", line);
    }

    [Fact]
    public async Task Drift_ThinCurrentSample_ReportsInsufficientDataInsteadOfAPValue()
    {
        File.WriteAllLines(_dir.Path("few.csv"), File.ReadAllLines(_dir.Path("older.csv")).Take(11));

        var result = (await CliRunner.OkAsync(_dir.Root, "drift", "young.csv", "few.csv", "--columns", "age,duration", "--project", _dir.Root, "--json")).Json;

        var age = Column(result, "age");
        Assert.Equal("insufficient_data", age.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, age.GetProperty("p_value").ValueKind);
        Assert.Contains("10 values on the current side; monitoring.min_rows_per_test is 30", age.GetProperty("reason").GetString());
        Assert.Equal(("not_judged", 2), (result.GetProperty("verdict").GetString(), result.GetProperty("not_judged").GetInt32()));
    }

    public void Dispose() => _dir.Dispose();
}
