using BenchmarkDotNet.Attributes;
using Recur.Core.Hashing;

namespace Recur.Benchmarks;

/// <summary>Hashing cost per key: the split and hashed features call this for every row.</summary>
[MemoryDiagnoser]
public class Fingerprint64Benchmarks
{
    private readonly byte[] _sixteen = "customer-0012345"u8.ToArray();

    [Benchmark]
    public long Span16Bytes() => Fingerprint64.Hash(_sixteen);

    [Benchmark]
    public long String16Chars() => Fingerprint64.Hash("customer-0012345");
}
