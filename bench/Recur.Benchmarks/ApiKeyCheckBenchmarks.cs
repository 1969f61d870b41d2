using System.Collections.Frozen;
using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Recur.Core.Security;

namespace Recur.Benchmarks;

/// <summary>
/// What checking an API key costs a request, the same steps as the server's middleware: read the prefix from the
/// header text, find the key by prefix among 100 (a frozen dictionary looked up by span), SHA-256 the header into
/// a stack buffer, compare in constant time. The issue asks for no database query and an allocation-light check.
/// </summary>
[MemoryDiagnoser]
public class ApiKeyCheckBenchmarks
{
    private FrozenDictionary<string, byte[]>.AlternateLookup<ReadOnlySpan<char>> _byPrefix;
    private string _header = "";

    [GlobalSetup]
    public void Setup()
    {
        var keys = Enumerable.Range(0, 100).Select(_ => ApiKeyText.Generate()).ToList();
        _byPrefix = keys.ToFrozenDictionary(k => k.Prefix, k => Convert.FromHexString(k.Hash), StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _header = "Bearer " + keys[42].Text;
    }

    /// <summary>One accepted key, from the Authorization header's text to the decision.</summary>
    [Benchmark]
    public bool Check()
    {
        var text = _header.AsSpan(7).Trim();
        if (!ApiKeyText.TryReadPrefix(text, out var prefix) || !_byPrefix.TryGetValue(prefix, out var stored)) return false;
        Span<byte> hash = stackalloc byte[32];
        ApiKeyText.Hash(text, hash);
        return CryptographicOperations.FixedTimeEquals(hash, stored);
    }
}
