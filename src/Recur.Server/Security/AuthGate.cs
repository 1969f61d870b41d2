using Microsoft.Extensions.Logging;
using Recur.Core;
using Recur.Core.Project;
using Recur.Core.Security;
using Recur.Server.Security.Internal;

namespace Recur.Server.Security;

/// <summary>
/// Whether requests need keys now, from <c>serving.auth</c>, the address bound and whether a key exists:
/// <c>off</c> never; <c>required</c> always; <c>auto</c> unless bound to loopback with no key ever created (the
/// embedded default), and the moment a key is created it becomes required. Bound elsewhere under <c>auto</c>
/// with no key, the server refuses to start.
/// </summary>
internal sealed class AuthGate(ServingConfig serving, ApiKeyCache keys, ILogger<AuthGate> log)
{
    private readonly AuthMode _mode = AuthModes.Parse(serving.Auth);
    private volatile bool _loopback = true;
    private volatile bool _announcedRequired;

    /// <summary>Whether a request to a scoped endpoint must carry a key.</summary>
    public bool Required
    {
        get
        {
            if (_mode == AuthMode.Off) return false;
            if (_mode == AuthMode.Required || !_loopback) return true;
            if (!keys.AnyKey) return false;
            if (!_announcedRequired)
            {
                _announcedRequired = true;
                log.AuthNowRequired();
            }
            return true;
        }
    }

    /// <summary>Records whether the server is bound to loopback, before it listens and before the keys are read (<see cref="StartAsync"/>).</summary>
    public void Bind(bool loopback) => _loopback = loopback;

    /// <summary>
    /// Reads the keys, refuses to start open on a public address, and says in one line whether the server is
    /// open or requires keys, and why.
    /// </summary>
    public async Task StartAsync(string address, CancellationToken ct)
    {
        var loopback = _loopback;
        await keys.RefreshAsync(ct);
        _announcedRequired = keys.AnyKey;
        switch (_mode)
        {
            case AuthMode.Off:
                log.AuthOpenAnnounced($"off (serving.auth: off): every endpoint is open to anyone who can reach {address}");
                break;
            case AuthMode.Auto when loopback && !keys.AnyKey:
                log.AuthAnnounced($"not required: bound to loopback ({address}) and no key exists (serving.auth: auto); once one is created (recur keys create) requests need keys");
                break;
            case AuthMode.Auto when !keys.AnyKey:
                throw RecurException.Invalid(
                    $"serving.auth: bound to {address}, which is not loopback, and no API key exists: create one with `recur keys create NAME --scope admin`, or set serving.auth: off to serve without keys", "serving.auth");
            default:
                var why = _mode == AuthMode.Required ? "serving.auth: required" : loopback ? "serving.auth: auto and a key exists" : "serving.auth: auto and not bound to loopback";
                log.AuthAnnounced(keys.AnyKey
                    ? $"required ({why}): send Authorization: Bearer <key> or X-Api-Key"
                    : $"required ({why}), but no key exists yet: every request but health is refused until one is created with recur keys create");
                break;
        }
    }
}
