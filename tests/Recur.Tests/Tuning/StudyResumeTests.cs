using Recur.Tuning;

namespace Recur.Tests.Tuning;

public sealed class StudyResumeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("recur-tune-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static StudyResult Run(string journal, int trials, int parallel = 1) =>
        Study.Run(TestSpaces.Sphere, new TpeSampler(), new NoPruner(), (t, _, _) => new TrialResult(TestSpaces.SphereValue(t.Parameters), double.NaN, double.NaN),
            new StudyOptions(false, trials, 0, parallel, 3), new JsonlTrialJournal(journal), TimeProvider.System, CancellationToken.None);

    [Fact]
    public void Run_JournalWithTornLastLine_RunsOnlyTheRestAndFindsTheSameBest()
    {
        var full = Path.Combine(_dir, "full.jsonl");
        var whole = Run(full, 24);
        var killed = Path.Combine(_dir, "killed.jsonl");
        var lines = File.ReadAllLines(full);
        // Killed during trial 15's write: 14 whole lines and half of the 15th.
        File.WriteAllText(killed, string.Join("\n", lines.Take(14)) + "\n" + lines[14][..(lines[14].Length / 2)]);

        var calls = 0;
        var resumed = Study.Run(TestSpaces.Sphere, new TpeSampler(), new NoPruner(), (t, _, _) =>
            {
                Interlocked.Increment(ref calls);
                return new TrialResult(TestSpaces.SphereValue(t.Parameters), double.NaN, double.NaN);
            }, new StudyOptions(false, 24, 0, 1, 3), new JsonlTrialJournal(killed), TimeProvider.System, CancellationToken.None);

        Assert.Equal(14, resumed.Resumed);
        Assert.Equal(10, calls);
        Assert.Equal(Enumerable.Range(0, 24), resumed.Trials.Select(t => t.Number));
        Assert.Equal(whole.Best!.Number, resumed.Best!.Number);
        Assert.Equal(whole.Best.Parameters, resumed.Best.Parameters);
        Assert.Equal(24, File.ReadAllLines(killed).Length);
        Assert.Equal(24, new JsonlTrialJournal(killed).Load().Count);
    }

    [Fact]
    public void Run_JournalAlreadyFull_RunsNothing()
    {
        var path = Path.Combine(_dir, "done.jsonl");
        var first = Run(path, 8);

        var again = Run(path, 8);

        Assert.Equal(8, again.Resumed);
        Assert.Equal(first.Best!.Number, again.Best!.Number);
        Assert.Equal(8, File.ReadAllLines(path).Length);
    }

    [Fact]
    public void Run_LargerBudgetAfterResume_NumberingContinues()
    {
        var path = Path.Combine(_dir, "grow.jsonl");
        Run(path, 5);

        var more = Run(path, 12, parallel: Math.Min(2, Environment.ProcessorCount));

        Assert.Equal(Enumerable.Range(0, 12), more.Trials.Select(t => t.Number));
    }
}
