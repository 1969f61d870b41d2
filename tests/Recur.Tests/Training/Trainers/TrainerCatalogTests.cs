using Recur.Core;
using Recur.Core.Modeling;
using Recur.Training.Trainers;

namespace Recur.Tests.Training.Trainers;

public sealed class TrainerCatalogTests
{
    [Fact]
    public void Standard_Always_HoldsTheFiveTrainers()
    {
        Assert.Equal(["lightgbm", "fasttree", "fastforest", "sdca", "lbfgs"], TrainerCatalog.Standard.Trainers.Select(t => t.Name));
    }

    [Fact]
    public void Find_UnknownName_ReturnsNull()
    {
        Assert.Null(TrainerCatalog.Standard.Find("xgboost"));
        Assert.IsType<FastForestTrees>(TrainerCatalog.Standard.Find("fastforest"));
    }

    [Fact]
    public void Get_UnknownName_FailsNamingTheKeyAndTheAvailableTrainers()
    {
        var e = Assert.Throws<RecurException>(() => TrainerCatalog.Standard.Get("xgboost", "training.candidates[2].trainer"));

        Assert.Equal("training.candidates[2].trainer", e.Field);
        Assert.Contains("lightgbm, fasttree, fastforest, sdca, lbfgs", e.Message);
    }

    [Fact]
    public void CheckTask_LbfgsRegression_FailsNamingTheKeyAndTheSupportedTasks()
    {
        var e = Assert.Throws<RecurException>(() => TrainerCatalog.CheckTask(new LbfgsLinear(), ModelTask.Regression, "training.trainer"));

        Assert.Equal("training.trainer", e.Field);
        Assert.Contains("binary, multiclass", e.Message);
    }
}
