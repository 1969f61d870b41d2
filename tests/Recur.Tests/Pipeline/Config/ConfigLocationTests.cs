using Recur.Core;
using Recur.Pipeline.Config;

namespace Recur.Tests.Pipeline.Config;

public sealed class ConfigLocationTests
{
    private const string Yaml = "name: m\nlabel: y\ntraining:\n  candidates:\n    - trainer: lightgbm\n    - trainer: lbfgs\n";

    [Fact]
    public void AtLine_FieldInTheFile_PrefixesItsLineAndColumn()
    {
        var e = ConfigLocation.AtLine(RecurException.Invalid("label 'y' has 1 class (a); a classifier needs at least 2", "label"), Yaml);

        Assert.Equal("recur.yaml: line 2, column 8: label 'y' has 1 class (a); a classifier needs at least 2", e.Message);
        Assert.Equal("label", e.Field);
    }

    [Fact]
    public void AtLine_ListItemKey_FindsTheItem()
    {
        var e = ConfigLocation.AtLine(RecurException.Invalid("recur.yaml: trainer 'lbfgs' does not support regression", "training.candidates[1].trainer"), Yaml);

        Assert.StartsWith("recur.yaml: line 6, column 16: trainer 'lbfgs'", e.Message);
    }

    [Fact]
    public void AtLine_KeyTheFileLeavesToItsDefault_KeepsTheMessage()
    {
        var e = ConfigLocation.AtLine(RecurException.Invalid("recur.yaml: promotion.metric 'auc' is not a regression metric", "promotion.metric"), Yaml);

        Assert.Equal("recur.yaml: promotion.metric 'auc' is not a regression metric", e.Message);
    }

    [Fact]
    public void AtLine_MessageWithALine_IsUnchanged()
    {
        var original = RecurException.Invalid("recur.yaml: line 9, column 3: datasets.a.quote: bad", "label");

        Assert.Same(original, ConfigLocation.AtLine(original, Yaml));
    }
}
