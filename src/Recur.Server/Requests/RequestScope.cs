using System.Collections;

namespace Recur.Server.Requests;

/// <summary>
/// The logging scope of one request: <c>request_id</c> on every line logged while it runs (shown by the JSON
/// log format). One small object per request; formatted only when a logger writes scopes.
/// </summary>
internal sealed class RequestScope(string requestId) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public KeyValuePair<string, object?> this[int index] =>
        index == 0 ? new("request_id", requestId) : throw new ArgumentOutOfRangeException(nameof(index));

    public int Count => 1;

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return this[0];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"request_id:{requestId}";
}
