using Recur.Core;
using Recur.Pipeline.Config;

namespace Recur.Tests.Pipeline.Config;

public sealed class TransferValidationTests
{
    private const string Head = "name: m\nlabel: y\ntraining:\n  transfer:\n";

    private static RecurException Refused(string transfer)
    {
        using var dir = new TempDir();
        var path = dir.Write("recur.yaml", Head + transfer);
        return Assert.Throws<RecurException>(() => ProjectConfigLoader.Load(path));
    }

    [Fact]
    public void Load_TransferSection_ReadsIt()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.Path("src"));
        dir.Write("src/recur.yaml", "name: s\nlabel: y\n");
        var path = dir.Write("recur.yaml", Head + "    from: s@champion\n    project: src\n    reuse: embeddings\n");

        var (config, _) = ProjectConfigLoader.Load(path);

        var t = config.Training.Transfer;
        Assert.Equal(("s@champion", "src", "embeddings", true), (t.From, t.Project, t.Reuse, t.IsOn));
    }

    [Fact]
    public void Load_FromInNeitherForm_NamesFromAndLine()
    {
        var e = Refused("    from: sentiment\n");

        Assert.Equal("training.transfer.from", e.Field);
        Assert.Contains("line 5", e.Message, StringComparison.Ordinal);
        Assert.Contains("is not NAME@ALIAS or NAME:VERSION", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownReuse_NamesReuseAndTheKnownNames()
    {
        var e = Refused("    from: s@champion\n    reuse: weights\n");

        Assert.Equal("training.transfer.reuse", e.Field);
        Assert.Contains("line 6", e.Message, StringComparison.Ordinal);
        Assert.Contains("features, embeddings, score", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingProjectFolder_NamesProject()
    {
        var e = Refused("    from: s@champion\n    project: ../nowhere\n");

        Assert.Equal("training.transfer.project", e.Field);
        Assert.Contains("line 6", e.Message, StringComparison.Ordinal);
        Assert.Contains("no project folder '../nowhere'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ReuseWithoutFrom_NamesFrom()
    {
        var e = Refused("    reuse: features\n");

        Assert.Equal("training.transfer.from", e.Field);
    }
}
