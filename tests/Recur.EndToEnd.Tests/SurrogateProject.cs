namespace Recur.EndToEnd.Tests;

/// <summary>The small Adult project of <see cref="TrainedProject"/>, trained once with training.surrogate on.</summary>
public sealed class SurrogateProject : IAsyncLifetime, IDisposable
{
    private readonly TempDir _dir = new();

    public string Root => _dir.Path("adult");

    public string Data(string file) => System.IO.Path.Combine(Root, "data", file);

    public CliResult Trained { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(System.IO.Path.Combine(Root, "data"));
        foreach (var file in new[] { "train.csv", "test.csv" })
        {
            File.Copy(System.IO.Path.Combine(AppContext.BaseDirectory, "data", "adult-small", file), Data(file));
        }
        await CliRunner.OkAsync(_dir.Root, "init", "--project", Root, "--source", Data("train.csv"), "--label", "income", "--key", "id", "--name", "adult");
        var yaml = System.IO.Path.Combine(Root, "recur.yaml");
        File.WriteAllText(yaml, File.ReadAllText(yaml).Replace("training:\n", "training:\n  surrogate:\n    enabled: true\n    max_leaves: 8\n", StringComparison.Ordinal));
        await CliRunner.OkAsync(_dir.Root, "ingest", "train", "--project", Root, "--json");
        Trained = await CliRunner.OkAsync(_dir.Root, "train", "--project", Root, "--json");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _dir.Dispose();
}
