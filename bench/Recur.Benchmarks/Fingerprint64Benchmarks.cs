using System.IO.Hashing;
using System.Text;
using BenchmarkDotNet.Attributes;
using Recur.Core.Hashing;

namespace Recur.Benchmarks;

/// <summary>
/// Hashing cost per key: the split and hashed features call this for every row. <see cref="XxHash64"/> (System.IO.Hashing)
/// is the speed reference for short strings; the features issue asks Fingerprint64 for at least half its throughput.
/// </summary>
[MemoryDiagnoser]
public class Fingerprint64Benchmarks
{
    private readonly byte[] _sixteen = "customer-0012345"u8.ToArray();
    private byte[][] _keys = [];

    /// <summary>Length in UTF-8 bytes of each of the 1,000 keys hashed per call.</summary>
    [Params(8, 16, 32, 64)]
    public int KeyBytes { get; set; }

    /// <summary>1,000 distinct keys of the chosen length.</summary>
    [GlobalSetup]
    public void Setup() => _keys = [.. Enumerable.Range(0, 1000).Select(i => Encoding.UTF8.GetBytes(i.ToString("D" + KeyBytes, System.Globalization.CultureInfo.InvariantCulture)))];

    [Benchmark]
    public long Span16Bytes() => Fingerprint64.Hash(_sixteen);

    [Benchmark]
    public long String16Chars() => Fingerprint64.Hash("customer-0012345");

    /// <summary>Fingerprint64 over 1,000 keys.</summary>
    [Benchmark(OperationsPerInvoke = 1000)]
    public long Fingerprint64Keys()
    {
        long sum = 0;
        foreach (var key in _keys) sum += Fingerprint64.Hash(key);
        return sum;
    }

    /// <summary>XxHash64 over the same 1,000 keys: the reference.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = 1000)]
    public long XxHash64Keys()
    {
        long sum = 0;
        foreach (var key in _keys) sum += (long)XxHash64.HashToUInt64(key);
        return sum;
    }
}
