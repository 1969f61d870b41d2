using System.CommandLine;
using Recur.Cli.Commands;
using Recur.Cli.Demo;

namespace Recur.Cli;

/// <summary>The command tree of the <c>recur</c> tool.</summary>
public static class RecurCli
{
    /// <summary>--project DIR, accepted by every command.</summary>
    public static readonly Option<string> Project = new("--project", "-p")
    {
        Description = "The project folder (holding recur.yaml); default: the current folder",
        DefaultValueFactory = _ => ".",
        Recursive = true,
    };

    /// <summary>--json, accepted by every command.</summary>
    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print one JSON document on stdout; progress and logs go to stderr",
        Recursive = true,
    };

    /// <summary>--store URI, accepted by every command: overrides recur.yaml's storage: for this run.</summary>
    public static readonly Option<string?> Store = new("--store")
    {
        Description = "Storage URI for this run, overriding recur.yaml's storage: (e.g. sqlite: or sqlite:data/recur.db)",
        Recursive = true,
    };

    /// <summary>--verbose, accepted by every command: logs from Information up on stderr.</summary>
    public static readonly Option<bool> Verbose = new("--verbose", "-v")
    {
        Description = "Log what happens (snapshots, candidates, gates, registrations) on stderr; RECUR_LOG_LEVEL sets any level",
        Recursive = true,
    };

    /// <summary>Builds the root command.</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand("Recur: the whole life of a model as one closed loop — data, training, registry, serving, monitoring, retraining.");
        root.Options.Add(Project);
        root.Options.Add(Json);
        root.Options.Add(Store);
        root.Options.Add(Verbose);
        root.Subcommands.Add(InitCommand.Create());
        root.Subcommands.Add(IngestCommand.Create());
        root.Subcommands.Add(DataCommand.Create());
        root.Subcommands.Add(ProfileCommand.Create());
        root.Subcommands.Add(SchemaCommand.Create());
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(FeaturesCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(TuneCommand.Create());
        root.Subcommands.Add(RunsCommand.Create());
        root.Subcommands.Add(LearningCurveCommand.Create());
        root.Subcommands.Add(ProgressCommand.Create());
        root.Subcommands.Add(ExperimentCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(PolicyCommand.Create());
        root.Subcommands.Add(SafeguardsCommand.Create());
        root.Subcommands.Add(CardCommand.Create());
        root.Subcommands.Add(BacktestCommand.Create());
        root.Subcommands.Add(RobustnessCommand.Create());
        root.Subcommands.Add(ExplainCommand.Create());
        root.Subcommands.Add(FairnessCommand.Create());
        root.Subcommands.Add(ModelsCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(KeysCommand.Create());
        root.Subcommands.Add(RoutesCommand.Create());
        root.Subcommands.Add(PredictCommand.Create());
        root.Subcommands.Add(FeedbackCommand.Create());
        root.Subcommands.Add(SurrogateCommand.Create());
        root.Subcommands.Add(MonitorCommand.Create());
        LiveMonitorCommands.AddTo(root);
        root.Subcommands.Add(DriftCommand.Create());
        root.Subcommands.Add(LoopCommand.Create());
        root.Subcommands.Add(WorkerCommand.Create());
        root.Subcommands.Add(JobsCommand.Create());
        root.Subcommands.Add(FingerprintCommand.Create());
        root.Subcommands.Add(WindowsCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        return root;
    }
}
