using Recur.Core;
using Recur.Training.Trainers;

namespace Recur.Tests.Training.Trainers;

public sealed class TrainerSettingsTests
{
    private const string Key = "training.candidates[1].params";

    [Fact]
    public void From_NothingDeclared_FillsTheDefaultsInDeclaredOrder()
    {
        var settings = TrainerSettings.From(new LightGbmTrees(), new Dictionary<string, string>(), Key);

        Assert.Equal(["iterations", "learning_rate", "leaves", "min_rows_per_leaf"], settings.Describe().Keys);
        Assert.Equal(200, settings.Int("iterations"));
        Assert.Equal(0.05, settings.Real("learning_rate"));
    }

    [Fact]
    public void From_UnknownParameter_FailsNamingItsKeyAndTheKnownOnes()
    {
        var e = Assert.Throws<RecurException>(() => TrainerSettings.From(new FastForestTrees(), new Dictionary<string, string> { ["learning_rate"] = "0.1" }, Key));

        Assert.Equal(Key + ".learning_rate", e.Field);
        Assert.Contains("trees, leaves, min_rows_per_leaf, feature_fraction", e.Message);
    }

    [Theory]
    [InlineData("leaves", "1")]
    [InlineData("leaves", "2.5")]
    [InlineData("learning_rate", "0")]
    [InlineData("learning_rate", "many")]
    public void From_ValueOutOfRange_FailsNamingItsKeyAndTheRange(string name, string value)
    {
        var e = Assert.Throws<RecurException>(() => TrainerSettings.From(new LightGbmTrees(), new Dictionary<string, string> { [name] = value }, Key));

        Assert.Equal($"{Key}.{name}", e.Field);
        Assert.Contains(" in ", e.Message);
    }

    [Fact]
    public void Describe_Values_FormatsIntegersWithoutAFraction()
    {
        var settings = TrainerSettings.From(new SdcaLinear(), new Dictionary<string, string> { ["iterations"] = "12.0", ["l2"] = "1e-3" }, Key);

        Assert.Equal("12", settings.Describe()["iterations"]);
        Assert.Equal("0.001", settings.Describe()["l2"]);
    }
}
