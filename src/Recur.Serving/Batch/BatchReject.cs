namespace Recur.Serving.Batch;

/// <summary>A row that was not scored, and why.</summary>
/// <param name="Index">Its 1-based index in the input (data row, or line of a JSON Lines file).</param>
/// <param name="Key">Its key when one could be read, else null.</param>
/// <param name="Field">The column at fault, or null when the row as a whole could not be read.</param>
/// <param name="Error">What is wrong with it.</param>
public sealed record BatchReject(long Index, string? Key, string? Field, string Error);
