using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Lake;
using Recur.Core.Registry;
using Recur.Evaluation.Metrics;
using Recur.Pipeline.Runs;
using Recur.Pipeline.Steps;
using Recur.Registry.Gates;

namespace Recur.Pipeline.Experiments;

/// <summary>
/// Runs an experiment: the control and every variation train on the same snapshot with the same split and are measured on
/// the same evaluation rows (<see cref="TrainingRun.RunAsync"/> in its evaluate-only mode), <c>parallel</c> at a time with
/// cores / parallel trainer threads each. Each arm is recorded as a run of kind <c>experiment</c>; its model file is kept
/// under <c>.recur/experiments/NAME/ARM/</c> and nothing reaches the registry.
/// </summary>
public static class ExperimentRunner
{
    /// <summary>The kind of an experiment arm's run.</summary>
    public const string RunKind = "experiment";

    /// <summary>Where an experiment's model files are kept (one folder per arm), replaced by its next run.</summary>
    public static string Folder(RecurProject project, string experiment)
    {
        ArgumentNullException.ThrowIfNull(project);
        return Path.Combine(new ProjectLayout(project.Root).State, "experiments", experiment);
    }

    /// <summary>Checks <c>--parallel</c>: at least 1 and at most the machine's cores; returns the trainer threads per arm.</summary>
    public static int ThreadsPerArm(int parallel, int cores)
    {
        if (parallel < 1 || parallel > cores)
        {
            throw RecurException.Invalid($"--parallel {parallel}: run between 1 and {cores} variations side by side (this machine has {cores} cores)", "--parallel");
        }
        return Math.Max(1, cores / parallel);
    }

    /// <summary>
    /// Trains every arm of <paramref name="plan"/> on <paramref name="train"/> (evaluated on <paramref name="evaluation"/>, or the
    /// validation split) and compares them; <paramref name="register"/> names an arm to register for inspection, without an alias.
    /// </summary>
    public static async Task<ExperimentComparison> RunAsync(RecurProject project, ExperimentPlan plan, SnapshotInfo train, SnapshotInfo? evaluation, int parallel,
        string? register = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(train);
        var threads = ThreadsPerArm(parallel, Environment.ProcessorCount);
        var registered = register is null ? -1 : plan.Arms.Select(a => a.Name).ToList().IndexOf(register);
        if (register is not null && registered < 0)
        {
            throw RecurException.Invalid($"--register {register}: experiment {plan.Name} has no such arm (arms: {string.Join(", ", plan.Arms.Select(a => a.Name))})", "--register");
        }
        var ids = evaluation is null ? TrainingRun.Ids(train) : TrainingRun.Ids(train, evaluation);
        var data = await project.ReadAsync(train, ct);
        var held = evaluation is null ? null : await project.ReadAsync(evaluation, ct);
        var folder = Folder(project, plan.Name);
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);

        var arms = new (TrainingOutcome Outcome, EvaluationOnly Kept, string Run)[plan.Arms.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, plan.Arms.Count), new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = ct },
            async (i, token) => arms[i] = await RunArmAsync(project, plan, plan.Arms[i], data, held, ids, threads, folder, token));

        var control = arms[0];
        var metric = control.Outcome.Metric;
        var lower = MetricDirection.LowerIsBetter(metric);
        var seed = project.Config.Seed;
        ArmResult Row(int i, (double Gain, double Low, double High) delta, string verdict)
        {
            var (outcome, kept, run) = arms[i];
            var arm = plan.Arms[i];
            var m = outcome.Candidate;
            return new ArmResult(arm.Name, arm.What, m.GetValueOrDefault(metric, double.NaN), m.GetValueOrDefault(metric + "_low", double.NaN), m.GetValueOrDefault(metric + "_high", double.NaN),
                delta.Gain, delta.Low, delta.High, verdict, outcome.Candidates.Sum(c => c.FitSeconds), outcome.Candidates.FirstOrDefault(c => c.Chosen)?.Trainer ?? "",
                Path.GetRelativePath(project.Root, kept.ModelPath), run);
        }
        var variations = new List<ArmResult>();
        for (var i = 1; i < arms.Length; i++)
        {
            if (arms[i].Kept.Rows != control.Kept.Rows)
            {
                throw new RecurException(FailureKind.Conflict, $"variation {plan.Arms[i].Name} was measured on {arms[i].Kept.Rows} evaluation rows and the control on {control.Kept.Rows}: they must share the rows to be compared");
            }
            // The same resampled rows score both models in each draw, so the rows' shared difficulty cancels out.
            var delta = PairedBootstrap.Gain(control.Kept.Rows, arms[i].Kept.MetricOn!, control.Kept.MetricOn!, lower, seed, 200, 0.95);
            variations.Add(Row(i, delta, Verdict.Of(delta.Low, delta.High)));
        }
        var comparison = new ExperimentComparison(plan.Name, plan.Question, train.Id, metric, control.Kept.Rows, Row(0, (0, 0, 0), ""), variations, parallel, threads);
        if (registered < 0) return comparison;
        var version = await RegisterAsync(project, plan, plan.Arms[registered], arms[registered].Outcome, arms[registered].Kept, ids, ct);
        return comparison with { Registered = new ModelVersionRef(plan.Arms[registered].Name, version.Version) };
    }

    // An arm registered for inspection: origin experiment, no alias; the registry's guard refuses it any alias later.
    private static async Task<ModelVersion> RegisterAsync(RecurProject project, ExperimentPlan plan, Variation arm, TrainingOutcome outcome, EvaluationOnly kept,
        IReadOnlyList<string> ids, CancellationToken ct)
    {
        var model = kept.Model!;
        var sha = await project.Artifacts.PutAsync(kept.ModelPath, ct);
        var parameters = new Dictionary<string, string>(model.Manifest.Parameters) { ["experiment"] = plan.Name, ["variation"] = arm.Name };
        if (arm.Drop.Count > 0) parameters["dropped_groups"] = string.Join(",", arm.Drop);
        var lineage = new ModelLineage(ids, arm.ConfigHash, RecurProject.CodeVersion, arm.Config.Seed, model.Manifest.Trainer, parameters,
            Environment: Training.TrainingEnvironments.Capture(), Origin: ModelOrigins.Experiment);
        return await project.Registry.RegisterAsync(new NewModelVersion(project.Config.Name, sha, lineage, outcome.Candidate,
            $"experiment {plan.Name}, {arm.Name} ({arm.What}): registered for inspection, never promotable"), alias: null, ct);
    }

    private static async Task<(TrainingOutcome, EvaluationOnly, string)> RunArmAsync(RecurProject project, ExperimentPlan plan, Variation arm, DataTable data, DataTable? held,
        IReadOnlyList<string> ids, int threads, string folder, CancellationToken ct)
    {
        arm.Config.Training.Threads = threads;
        // The arm's own view of the project: its configuration over the project's stores (the registry is only read).
        var armProject = new RecurProject(new ProjectDefinition(new ProjectLayout(project.Root), arm.Config, arm.ConfigHash, project.Storage), project.Time, project.Services, project.Logging);
        var kept = new EvaluationOnly(Path.Combine(folder, arm.Name, "model.zip"));
        var run = await RunRecorder.StartAsync(armProject, RunKind, ids, plan.Name, ct);
        var outcome = await RunRecorder.RecordAsync(armProject, run, () => TrainingRun.RunAsync(armProject, data, held, ids, dataIsFirstSnapshot: true, registerRejected: false, ct,
            new GroupOptions(arm.Drop, false), evaluateOnly: kept), ct);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await File.ReadAllBytesAsync(kept.ModelPath, ct)));
        await project.Runs.SaveAsync(RunRecorder.Finished(armProject, run, outcome) with
        {
            Artifact = sha, Outcome = $"experiment {plan.Name}, {arm.Name} ({arm.What}): model kept at {Path.GetRelativePath(project.Root, kept.ModelPath)}, never registered",
        }, ct);
        return (outcome, kept, run.Id);
    }
}
