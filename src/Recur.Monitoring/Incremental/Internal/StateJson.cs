using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Recur.Monitoring.Incremental.Internal;

/// <summary>The state's stored form, and the fingerprint of what it was computed against.</summary>
internal static class StateJson
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static string Write(MonitorState state) => JsonSerializer.Serialize(state, Options);

    public static MonitorState Read(string json) => JsonSerializer.Deserialize<MonitorState>(json, Options) ?? throw new JsonException("empty monitoring state");

    public static string Fingerprint(MonitorSubject subject)
    {
        var identity = JsonSerializer.Serialize(new
        {
            format = MonitorSubject.StateFormat,
            subject.Model,
            task = subject.Task.ToString(),
            subject.Features,
            subject.Reference,
            subject.Predictions,
            subject.Threshold,
            subject.Positive,
            window = subject.Window.Text,
        }, Options);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..16];
    }
}
