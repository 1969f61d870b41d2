namespace Recur.Core.Project;

/// <summary>
/// recur.yaml: everything the loop does, declared and versioned with the code.
/// Property names map to snake_case keys in the file.
/// </summary>
public sealed class ProjectConfig
{
    /// <summary>The model's name in the registry and the REST routes.</summary>
    public string Name { get; set; } = "model";

    /// <summary>Seed for splitting, sampling and training.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>
    /// Where metadata, the prediction log and feedback are stored, as a URI (<c>scheme:location</c>); empty
    /// for the embedded default <c>sqlite:</c> (the file <c>.recur/recur.db</c>). Checked when recur.yaml loads.
    /// </summary>
    public string Storage { get; set; } = "";

    /// <summary>The column to predict.</summary>
    public string Label { get; set; } = "";

    /// <summary>
    /// What the model predicts: "binary", "multiclass" or "regression"; empty to infer it from the label
    /// (text or two distinct values: classification; more than two numbers: regression).
    /// </summary>
    public string Task { get; set; } = "";

    /// <summary>Most classes a multiclass label may have (more suggests regression or hashing).</summary>
    public int MaxClasses { get; set; } = 100;

    /// <summary>The positive class of the label (binary classification).</summary>
    public string Positive { get; set; } = "";

    /// <summary>An entity key column passed through predictions, logs and feedback (optional).</summary>
    public string? Key { get; set; }

    /// <summary>The reviewed data schema file (written by 'recur schema infer', checked by 'recur validate').</summary>
    public string Schema { get; set; } = "schema.yaml";

    /// <summary>Sensitive columns: <c>recur train</c> measures the candidate per group of each (the fairness lens); they need not be model inputs.</summary>
    public List<string> Sensitive { get; set; } = [];

    /// <summary>Settings of the fairness lens during training.</summary>
    public FairnessConfig Fairness { get; set; } = new();

    /// <summary>How 'recur validate' grades anomalies against a reference nobody has reviewed.</summary>
    public ValidationConfig Validation { get; set; } = new();

    /// <summary>Named datasets and how to read them.</summary>
    public Dictionary<string, DatasetConfig> Datasets { get; set; } = [];

    /// <summary>Bridged schemas: derived datasets where old rows are mapped onto a changed categorical column.</summary>
    public Dictionary<string, BridgeConfig> Bridges { get; set; } = [];

    /// <summary>How 'recur validate' grades anomalies when the schema is inferred from a reference snapshot.</summary>
public sealed class ValidationConfig
{
    /// <summary>
    /// Against an inferred reference (<c>recur validate NEW --against SNAPSHOT</c>), a value anomaly (unseen
    /// category, out of range, missing rate, length) touching more than this share of rows is an error; at or
    /// below it, a warning. In [0, 1]. A committed schema file's severities are not affected.
    /// </summary>
    public double MaxAnomalyShare { get; set; } = 0.01;
}

/// <summary>Which columns feed the model.</summary>
    public FeaturesConfig Features { get; set; } = new();

    /// <summary>How training data is split into train and validation.</summary>
    public SplitConfig Split { get; set; } = new();

    /// <summary>The trainer and its parameters.</summary>
    public TrainingConfig Training { get; set; } = new();

    /// <summary>How the problem is represented: reframing, multilabel, neutral class, rebalancing, ensembles, cascade, useful overfitting.</summary>
    public FramingConfig Framing { get; set; } = new();

    /// <summary>How recur train runs its steps (the step cache).</summary>
    public PipelineConfig Pipeline { get; set; } = new();

    /// <summary>Experiments by name (recur experiment NAME): variations compared side by side, never promoted.</summary>
    public Dictionary<string, ExperimentConfig> Experiments { get; set; } = [];

    /// <summary>Evaluation settings.</summary>
    public EvaluationConfig Evaluation { get; set; } = new();

    /// <summary>When a candidate may become the champion.</summary>
    public PromotionConfig Promotion { get; set; } = new();

    /// <summary>The decision policy of a binary model: outcome values or costs, and how the threshold is chosen.</summary>
    public DecisionConfig Decision { get; set; } = new();

    /// <summary>What people say about the model on its model card (intended use, out of scope, limitations, owners).</summary>
    public CardConfig Card { get; set; } = new();

    /// <summary>What the registry does beyond storing versions: webhooks on its events.</summary>
    public RegistryConfig Registry { get; set; } = new();

    /// <summary>Drift detection and the retraining policy.</summary>
    public MonitoringConfig Monitoring { get; set; } = new();

    /// <summary>The automatic loop: triggers, rate limit, canary, promotion or rollback, alerts.</summary>
    public LoopConfig Loop { get; set; } = new();

    /// <summary>Limits and host names of the REST server.</summary>
    public ServingConfig Serving { get; set; } = new();

    /// <summary>Rule-based safeguards around every served version (input guards, overrides, abstain, fallback).</summary>
    public SafeguardsConfig Safeguards { get; set; } = new();
}

/// <summary>How to read one dataset's source file.</summary>
public sealed class DatasetConfig
{
    /// <summary>Path of the source file, relative to the project folder.</summary>
    public string Source { get; set; } = "";

    /// <summary>Whether the first (non-skipped) line names the columns.</summary>
    public bool Header { get; set; } = true;

    /// <summary>Column names, required when there is no header.</summary>
    public List<string>? Columns { get; set; }

    /// <summary>Source format: csv, tsv, jsonl or parquet; empty means by file extension (csv otherwise).</summary>
    public string Format { get; set; } = "";

    /// <summary>Field delimiter of csv sources; empty means detected from the first lines.</summary>
    public string Delimiter { get; set; } = "";

    /// <summary>
    /// The quote character of csv sources: <c>"</c> (default, RFC 4180), <c>none</c> (quote characters are
    /// plain data) or another single punctuation character. See <see cref="QuoteSetting"/>.
    /// </summary>
    public string Quote { get; set; } = QuoteSetting.Default;

    /// <summary>Text encoding: utf-8 (default) or latin1.</summary>
    public string Encoding { get; set; } = "utf-8";

    /// <summary>Lines to skip at the top of the file (junk before the data).</summary>
    public int SkipLines { get; set; }

    /// <summary>Field values that mean "missing" (after trimming). The empty field is always missing.</summary>
    public List<string> Missing { get; set; } = [];

    /// <summary>Declared column types (integer, real, text); the others are inferred.</summary>
    public Dictionary<string, string> Types { get; set; } = [];

    /// <summary>Per column, values to replace (e.g. "&gt;50K." → "&gt;50K").</summary>
    public Dictionary<string, Dictionary<string, string>> Recode { get; set; } = [];

    /// <summary>A copy whose lists and maps can be changed without touching this one.</summary>
    public DatasetConfig Clone() => new()
    {
        Source = Source, Format = Format, Header = Header, Columns = Columns is null ? null : [.. Columns], Delimiter = Delimiter, Quote = Quote,
        Encoding = Encoding, SkipLines = SkipLines, Missing = [.. Missing], Types = new(Types), Recode = new(Recode),
    };
}

/// <summary>Which columns feed the model: all but the label and key, minus the excluded ones.</summary>
public sealed class FeaturesConfig
{
    /// <summary>Columns to use; empty means every column except the label, the key and <see cref="Exclude"/>.</summary>
    public List<string> Include { get; set; } = [];

    /// <summary>Columns never used as features.</summary>
    public List<string> Exclude { get; set; } = [];

    /// <summary>
    /// Per column, a role that overrides the inferred one (see <c>ColumnRoles</c>): numeric, categorical, text,
    /// datetime, key or ignore. A key or ignored column is not a model input.
    /// </summary>
    public Dictionary<string, string> Roles { get; set; } = [];

    /// <summary>Declared transforms, fitted on the training split in this order and shipped inside the model.</summary>
    public List<TransformConfig> Transforms { get; set; } = [];

    /// <summary>A categorical column with more distinct training values than this is hashed by default (see <see cref="HashBuckets"/>).</summary>
    public int MaxCategories { get; set; } = 1000;

    /// <summary>Buckets of the default hashed feature for a high-cardinality categorical column.</summary>
    public int HashBuckets { get; set; } = 1024;

    /// <summary>Named groups of input columns, which <c>recur train --ablate</c> leaves out one at a time.</summary>
    public Dictionary<string, List<string>> Groups { get; set; } = [];

    /// <summary>Sliding-window features over an event stream (see <see cref="WindowsConfig"/>); none when absent.</summary>
    public WindowsConfig? Windows { get; set; }
}

/// <summary>One declared transform: its name in the catalogue, the columns it reads and its parameters.</summary>
public sealed class TransformConfig
{
    /// <summary>The transform's name (standardize, minmax, log, clip, bucketize, impute, onehot, hash, cross, tfidf, datetime, embed).</summary>
    public string Transform { get; set; } = "";

    /// <summary>The columns it reads: each one separately, or all together for a cross.</summary>
    public List<string> Columns { get; set; } = [];

    /// <summary>The output column's name, for a transform that makes one new column from several (a cross); empty for the default.</summary>
    public string Output { get; set; } = "";

    /// <summary>The transform's parameters by name; unset ones take its defaults.</summary>
    public Dictionary<string, string> Params { get; set; } = [];
}

/// <summary>Repeatable splitting by Fingerprint64 of key columns.</summary>
public sealed class SplitConfig
{
    /// <summary>Columns whose values are hashed; empty means every column, so exact duplicates share a split.</summary>
    public List<string> By { get; set; } = [];

    /// <summary>Share of rows in validation, in (0, 1).</summary>
    public double Validation { get; set; } = 0.2;

    /// <summary>A date or number column: when set, the latest rows by this column form validation (a time split).</summary>
    public string? Time { get; set; }
}

/// <summary>
/// The trainer and its parameters: either one trainer (<see cref="Trainer"/> with the flat keys below, read by the
/// trainers that declare them) or several <see cref="Candidates"/>, compared on the validation split.
/// </summary>
public sealed class TrainingConfig
{
    /// <summary>Trainer name (lightgbm, fasttree, fastforest, sdca, lbfgs) when <see cref="Candidates"/> is empty.</summary>
    public string Trainer { get; set; } = "lightgbm";

    /// <summary>
    /// Several trainers, each with its own parameters: all are fitted on the training split, compared on the
    /// validation split, and the best goes to the promotion gate. When set, it replaces <see cref="Trainer"/> and
    /// the flat parameter keys.
    /// </summary>
    public List<CandidateConfig> Candidates { get; set; } = [];

    /// <summary>Boosting rounds.</summary>
    public int Iterations { get; set; } = 200;

    /// <summary>Learning rate.</summary>
    public double LearningRate { get; set; } = 0.05;

    /// <summary>Maximum leaves per tree.</summary>
    public int Leaves { get; set; } = 31;

    /// <summary>Minimum rows per leaf.</summary>
    public int MinRowsPerLeaf { get; set; } = 20;

    /// <summary>
    /// Threads the trainer may use; 0 (the default) means every core. The same data, config, seed and
    /// thread count give the same model, byte for byte (LightGBM's deterministic mode).
    /// </summary>
    public int Threads { get; set; }

    /// <summary>The explainable surrogate fitted beside the model (off unless enabled).</summary>
    public SurrogateConfig Surrogate { get; set; } = new();

    /// <summary>The hyperparameter search (off while its space is empty).</summary>
    public SearchConfig Search { get; set; } = new();

    /// <summary>Reusing a registered model's featurizer or embeddings (off while its source is empty).</summary>
    public TransferConfig Transfer { get; set; } = new();
}

/// <summary>One trainer in <see cref="TrainingConfig.Candidates"/>.</summary>
public sealed class CandidateConfig
{
    /// <summary>The trainer's name (lightgbm, fasttree, fastforest, sdca, lbfgs).</summary>
    public string Trainer { get; set; } = "";

    /// <summary>The trainer's parameters by name; unset ones take the trainer's defaults.</summary>
    public Dictionary<string, string> Params { get; set; } = [];
}

/// <summary>Evaluation settings.</summary>
public sealed class EvaluationConfig
{
    /// <summary>Dataset used for evaluation and promotion gates (a key of <see cref="ProjectConfig.Datasets"/>).</summary>
    public string Dataset { get; set; } = "test";

    /// <summary>Score at or above which the positive class is predicted.</summary>
    public double Threshold { get; set; } = 0.5;

    /// <summary>Rolling-origin backtesting on the time-ordered training rows (<c>recur backtest</c>).</summary>
    public BacktestConfig Backtest { get; set; } = new();

    /// <summary>The boundary test (robustness score) measured on the evaluation rows.</summary>
    public RobustnessConfig Robustness { get; set; } = new();

    /// <summary>The learning curve (off unless enabled).</summary>
    public LearningCurveConfig LearningCurve { get; set; } = new();
}

/// <summary>Promotion gates: absolute threshold and minimum changes against the baseline and the champion.</summary>
public sealed class PromotionConfig
{
    /// <summary>
    /// Metric the gates compare; empty for the task's default (binary auc, multiclass macro_f1, regression
    /// rmse). Error metrics (rmse, mae, log_loss, …) are judged lower-is-better.
    /// </summary>
    public string Metric { get; set; } = "";

    /// <summary>The candidate's metric must be at least this; applies only to higher-is-better metrics.</summary>
    public double MinValue { get; set; } = 0.6;

    /// <summary>
    /// When set, the candidate's metric must be at most this: the absolute gate of an error metric
    /// such as rmse. Unset by default, because no ceiling suits every target's scale.
    /// </summary>
    public double? MaxValue { get; set; }

    /// <summary>The candidate must beat the heuristic baseline by at least this (absolute; for an error metric, a reduction).</summary>
    public double MinGainOverBaseline { get; set; } = 0.01;

    /// <summary>The candidate must beat the champion by at least this (absolute; may be negative to tolerate a small loss).</summary>
    public double MinGainOverChampion { get; set; }

    /// <summary>
    /// The gains over the best baseline and over the champion must be distinguishable from noise: the
    /// lower end of their paired bootstrap (1 − significance) interval, on the same evaluation rows, must
    /// exceed the minimum gain. 0 turns the check off.
    /// </summary>
    public double Significance { get; set; } = 0.05;

    /// <summary>
    /// When set, the candidate's robustness score (the share of near-boundary evaluation rows whose decision no small
    /// perturbation changes; see <see cref="EvaluationConfig.Robustness"/>) must be at least this. In [0, 1]; unset by default.
    /// </summary>
    public double? MinRobustness { get; set; }

    /// <summary>Fairness gates on the candidate's lens (needs <c>sensitive:</c>); none by default.</summary>
    public FairnessGateConfig Fairness { get; set; } = new();
}

/// <summary>
/// A bridged schema: <see cref="Column"/> changed between the <see cref="Old"/> and <see cref="New"/>
/// datasets; each old value in <see cref="Map"/> became one of several new values.
/// </summary>
public sealed class BridgeConfig
{
    /// <summary>The dataset holding rows with the old values (its newest snapshot is used).</summary>
    public string Old { get; set; } = "";

    /// <summary>The dataset holding rows with the new values.</summary>
    public string New { get; set; } = "";

    /// <summary>The categorical column whose values changed.</summary>
    public string Column { get; set; } = "";

    /// <summary>Old value → the new values it was split into, e.g. card → [credit, debit, gift].</summary>
    public Dictionary<string, List<string>> Map { get; set; } = [];
}
