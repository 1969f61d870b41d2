using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Recur.Core.Security;

namespace Recur.Tests.Core.Security;

public sealed class ApiKeyTextTests
{
    [Fact]
    public void Generate_NewKey_IsRecurPrefixSecretWithItsSha256()
    {
        var (text, prefix, hash) = ApiKeyText.Generate();

        Assert.Matches(new Regex("^recur_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$"), text);
        Assert.Equal(ApiKeyText.Length, text.Length);
        Assert.Equal(prefix, text.Substring(6, 8));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))), hash);
    }

    [Fact]
    public void Generate_TwoKeys_ShareNothing()
    {
        var a = ApiKeyText.Generate();
        var b = ApiKeyText.Generate();

        Assert.NotEqual(a.Prefix, b.Prefix);
        Assert.NotEqual(a.Text[15..], b.Text[15..]);
    }

    [Fact]
    public void Hash_IntoSpan_EqualsTheStoredHash()
    {
        var (text, _, hash) = ApiKeyText.Generate();
        Span<byte> bytes = stackalloc byte[32];

        ApiKeyText.Hash(text, bytes);

        Assert.Equal(hash, Convert.ToHexStringLower(bytes));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Bearer")]
    [InlineData("recur_0123abcd_tooshort")]
    [InlineData("rekur_0123abcd_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("recur_0123abcdXAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void TryReadPrefix_NotAKey_IsFalse(string text) => Assert.False(ApiKeyText.TryReadPrefix(text, out _));

    [Fact]
    public void TryReadPrefix_Key_IsItsPrefix()
    {
        var (text, prefix, _) = ApiKeyText.Generate();

        Assert.True(ApiKeyText.TryReadPrefix(text, out var read));
        Assert.Equal(prefix, read.ToString());
    }
}
