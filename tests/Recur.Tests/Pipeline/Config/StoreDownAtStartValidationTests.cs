using Recur.Core;
using Recur.Pipeline.Config;

namespace Recur.Tests.Pipeline.Config;

/// <summary><c>serving.store_down_at_start</c>: <c>fail</c> by default, <c>listen</c> accepted, anything else refused naming its line.</summary>
public sealed class StoreDownAtStartValidationTests
{
    [Theory]
    [InlineData("name: m\n", "fail")]
    [InlineData("name: m\nserving:\n  store_down_at_start: listen\n", "listen")]
    public void Load_StoreDownAtStart_DefaultsToFailAndTakesListen(string yaml, string expected)
    {
        using var dir = new TempDir();

        var (config, _) = ProjectConfigLoader.Load(dir.Write("recur.yaml", yaml));

        Assert.Equal(expected, config.Serving.StoreDownAtStart);
    }

    [Fact]
    public void Load_StoreDownAtStartNotAChoice_NamesTheKeyLineAndChoices()
    {
        using var dir = new TempDir();

        var e = Assert.Throws<RecurException>(() => ProjectConfigLoader.Load(dir.Write("recur.yaml", "name: m\nserving:\n  store_down_at_start: wait\n")));

        Assert.Equal("serving.store_down_at_start", e.Field);
        Assert.Contains("line 3", e.Message, StringComparison.Ordinal);
        Assert.Contains("choices: fail, listen", e.Message, StringComparison.Ordinal);
    }
}
