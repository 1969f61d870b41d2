using Recur.Core.Data;
using Recur.Core.Modeling;

namespace Recur.Training;

/// <summary>
/// Held-out rows a boosting fit scores as it goes: every <paramref name="Every"/> rounds the model fitted so far predicts
/// <paramref name="Rows"/> and <paramref name="OnRound"/> gets the round and the outputs; it answers false to stop boosting
/// there (the model then keeps the trees fitted so far). How a tuner reports intermediate values and prunes a bad trial
/// without paying for its remaining rounds.
/// </summary>
/// <param name="Rows">The held-out rows, raw (the model's feature chain is applied to them).</param>
/// <param name="Every">Rounds between two scorings (at least 1).</param>
/// <param name="OnRound">Gets the number of rounds fitted and the outputs; true to go on.</param>
public sealed record BoostingWatch(DataTable Rows, int Every, Func<int, ModelOutput, bool> OnRound);
