namespace Recur.EndToEnd.Tests;

/// <summary>A project created from the small Adult CSVs with `recur init`, ingested and trained once per test class.</summary>
public sealed class TrainedProject : IAsyncLifetime, IDisposable
{
    private readonly TempDir _dir = new();

    public string Root => _dir.Path("adult");

    public string Data(string file) => System.IO.Path.Combine(Root, "data", file);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(System.IO.Path.Combine(Root, "data"));
        foreach (var file in new[] { "train.csv", "test.csv" })
        {
            File.Copy(System.IO.Path.Combine(AppContext.BaseDirectory, "data", "adult-small", file), Data(file));
        }
        await CliRunner.OkAsync(_dir.Root, "init", "--project", Root, "--source", Data("train.csv"), "--label", "income", "--key", "id", "--name", "adult");
        await CliRunner.OkAsync(_dir.Root, "ingest", "train", "--project", Root, "--json");
        await CliRunner.OkAsync(_dir.Root, "train", "--project", Root, "--json");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _dir.Dispose();
}
