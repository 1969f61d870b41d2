using System.Security.Cryptography;
using System.Text;

namespace Recur.Registry.Webhooks;

/// <summary>
/// The <c>X-Recur-Signature</c> header of a webhook delivery: <c>sha256=</c> and the lower-case hex HMAC-SHA256 of the
/// exact body bytes with the shared secret. A receiver recomputes it over the bytes it received and compares in
/// constant time.
/// </summary>
public static class WebhookSignature
{
    /// <summary>The header's name.</summary>
    public const string Header = "X-Recur-Signature";

    /// <summary>The header's value for a body.</summary>
    public static string Of(ReadOnlySpan<byte> body, string secret) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>Whether a received header matches the body (constant-time comparison).</summary>
    public static bool Verify(ReadOnlySpan<byte> body, string secret, string? header) =>
        header is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Of(body, secret)), Encoding.ASCII.GetBytes(header));
}
