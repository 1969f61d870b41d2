namespace Recur.Core.Serving;

/// <summary>
/// Features computed at request time from a stream's state (Windowed Inference): a request's fields give the event
/// (its time, entity and values); <see cref="Next"/> returns the event's window features from the state before it, then
/// adds the event. The serving path calls it once per instance, in arrival order, before scoring; the training rows got
/// the same numbers from the batch driver over the same declaration.
/// </summary>
public interface IWindowFeatureSource
{
    /// <summary>The request fields an event needs: the time column, the entity column (if any) and the value columns.</summary>
    IReadOnlyList<string> Inputs { get; }

    /// <summary>The features it adds, in the order <see cref="Next"/> returns them.</summary>
    IReadOnlyList<string> Outputs { get; }

    /// <summary>
    /// The window features of one event from the state before it; then the event is added. A missing or unreadable
    /// time, or a value that is not a number, is an error naming the field.
    /// </summary>
    IReadOnlyList<double> Next(IReadOnlyDictionary<string, string?> fields);
}
