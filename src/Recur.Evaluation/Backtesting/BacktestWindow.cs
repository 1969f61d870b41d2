using Recur.Core;

namespace Recur.Evaluation.Backtesting;

/// <summary>How a backtest fold's training rows are chosen.</summary>
public enum BacktestWindow
{
    /// <summary>Every row before the fold's origin (the training set grows fold by fold).</summary>
    Expanding,

    /// <summary>A fixed number of rows just before the origin (old rows drop out as the origin moves).</summary>
    Sliding,
}

/// <summary>The window kinds by their names in recur.yaml and on the command line.</summary>
public static class BacktestWindows
{
    /// <summary>Every window kind by name.</summary>
    public static readonly IReadOnlyDictionary<string, BacktestWindow> ByName = new Dictionary<string, BacktestWindow>(StringComparer.Ordinal)
    {
        ["expanding"] = BacktestWindow.Expanding,
        ["sliding"] = BacktestWindow.Sliding,
    };

    /// <summary>The lower-case name.</summary>
    public static string ToName(this BacktestWindow window) => window == BacktestWindow.Sliding ? "sliding" : "expanding";

    /// <summary>The window kind of a name; an unknown one is an error naming <paramref name="option"/> and the known kinds.</summary>
    public static BacktestWindow Parse(string name, string option) =>
        ByName.TryGetValue(name ?? "", out var window) ? window
        : throw RecurException.Invalid($"{option}: '{name}' is not a window kind (one of: {string.Join(", ", ByName.Keys)})", option);
}
