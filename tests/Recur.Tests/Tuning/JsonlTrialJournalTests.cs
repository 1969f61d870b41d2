using Recur.Core;
using Recur.Tuning;

namespace Recur.Tests.Tuning;

public sealed class JsonlTrialJournalTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("recur-journal-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static TrialRecord Trial(int n, TrialState state = TrialState.Complete, double value = 0.8125, string? error = null) =>
        new(n, new Dictionary<string, string> { ["leaves"] = "31", ["learning_rate"] = "0.1", ["trainer"] = "lightgbm" }, state, value,
            value - 0.01, value + 0.01, [new IntermediateValue(10, 0.7), new IntermediateValue(20, value)], 1.25, error);

    [Fact]
    public void Load_NoFile_IsEmpty()
    {
        Assert.Empty(new JsonlTrialJournal(Path.Combine(_dir, "none.jsonl")).Load());
    }

    [Fact]
    public void Append_ThenLoad_RoundTripsEveryField()
    {
        var journal = new JsonlTrialJournal(Path.Combine(_dir, "sub", "trials.jsonl"));
        journal.Append(Trial(0));
        journal.Append(Trial(1, TrialState.Failed, double.NaN, "out of memory"));

        var loaded = journal.Load();

        Assert.Equal(2, loaded.Count);
        Assert.Equal(Trial(0).Parameters, loaded[0].Parameters);
        Assert.Equal(0.8125, loaded[0].Value);
        Assert.Equal(0.8025, loaded[0].Low, 12);
        Assert.Equal([new IntermediateValue(10, 0.7), new IntermediateValue(20, 0.8125)], loaded[0].Intermediate);
        Assert.Equal(1.25, loaded[0].Seconds);
        Assert.Equal(TrialState.Failed, loaded[1].State);
        Assert.True(double.IsNaN(loaded[1].Value));
        Assert.Equal("out of memory", loaded[1].Error);
    }

    [Fact]
    public void Load_TornLastLine_IsIgnored_AndTheNextAppendCutsIt()
    {
        var path = Path.Combine(_dir, "torn.jsonl");
        var journal = new JsonlTrialJournal(path);
        journal.Append(Trial(0));
        File.AppendAllText(path, "{\"number\":1,\"state\":\"comp");

        Assert.Single(journal.Load());

        journal.Append(Trial(1));
        Assert.Equal([0, 1], journal.Load().Select(t => t.Number));
        Assert.Equal(2, File.ReadAllLines(path).Length);
    }

    [Fact]
    public void Load_DamagedMiddleLine_FailsNamingTheLine()
    {
        var path = Path.Combine(_dir, "bad.jsonl");
        var journal = new JsonlTrialJournal(path);
        journal.Append(Trial(0));
        File.AppendAllText(path, "not json\n");
        journal.Append(Trial(2));

        var e = Assert.Throws<RecurException>(journal.Load);

        Assert.Contains("line 2", e.Message, StringComparison.Ordinal);
        Assert.Contains("bad.jsonl", e.Message, StringComparison.Ordinal);
    }
}
