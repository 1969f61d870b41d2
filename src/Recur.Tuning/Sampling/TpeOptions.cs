namespace Recur.Tuning;

/// <summary>The tree-structured Parzen estimator's settings (defaults as in Optuna's TPESampler).</summary>
/// <param name="StartupTrials">Trials drawn at random before the model takes over.</param>
/// <param name="Candidates">Draws from l(x) per parameter, of which the one with the largest l(x)/g(x) is kept.</param>
/// <param name="PriorWeight">The weight of the wide prior component in each estimator (an observation weighs 1).</param>
/// <param name="MaxGood">The cap on the number of "good" trials: good = min(ceil(0.1 · n), MaxGood).</param>
public sealed record TpeOptions(int StartupTrials = 10, int Candidates = 24, double PriorWeight = 1.0, int MaxGood = 25);
