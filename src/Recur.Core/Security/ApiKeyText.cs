using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Recur.Core.Security;

/// <summary>
/// The text of an API key, <c>recur_PREFIX_SECRET</c>: PREFIX is 4 random bytes in hex (visible in listings and
/// logs), SECRET 32 random bytes in base64url. Only the SHA-256 of the whole text is stored; the text is shown once.
/// </summary>
public static class ApiKeyText
{
    /// <summary>What every key starts with, so secret scanners and people recognise one.</summary>
    public const string Start = "recur_";

    /// <summary>Characters in a key's prefix.</summary>
    public const int PrefixLength = 8;

    /// <summary>Characters in a whole key: <c>recur_</c>, the prefix, <c>_</c>, 43 base64url characters.</summary>
    public const int Length = 6 + PrefixLength + 1 + 43;

    /// <summary>A new key from the operating system's cryptographic random source, with its prefix and hash.</summary>
    public static (string Text, string Prefix, string Hash) Generate()
    {
        Span<byte> random = stackalloc byte[4 + 32];
        RandomNumberGenerator.Fill(random);
        var prefix = Convert.ToHexStringLower(random[..4]);
        var text = $"{Start}{prefix}_{Base64Url.EncodeToString(random[4..])}";
        return (text, prefix, HashHex(text));
    }

    /// <summary>
    /// The prefix of a well-formed key (a slice of <paramref name="key"/>, nothing allocated); false for
    /// text that cannot be a key, which is refused without a look-up.
    /// </summary>
    public static bool TryReadPrefix(ReadOnlySpan<char> key, out ReadOnlySpan<char> prefix)
    {
        prefix = default;
        if (key.Length != Length || !key.StartsWith(Start, StringComparison.Ordinal) || key[Start.Length + PrefixLength] != '_') return false;
        prefix = key.Slice(Start.Length, PrefixLength);
        return true;
    }

    /// <summary>Writes the SHA-256 of a well-formed key's text (see <see cref="TryReadPrefix"/>) into <paramref name="hash"/> (32 bytes); nothing allocated.</summary>
    public static void Hash(ReadOnlySpan<char> key, Span<byte> hash)
    {
        if (key.Length > Length) throw new ArgumentException($"an API key has {Length} characters", nameof(key));
        Span<byte> utf8 = stackalloc byte[Length * 3];
        var count = Encoding.UTF8.GetBytes(key, utf8);
        SHA256.HashData(utf8[..count], hash);
    }

    /// <summary>The SHA-256 of a key's text in lower-case hex, as stored.</summary>
    public static string HashHex(string key)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return Convert.ToHexStringLower(hash);
    }
}
