using System.Numerics;
using System.Text;
using Recur.Core.Hashing;
using Xunit;

namespace Recur.Tests.Core.Hashing;

public class Fingerprint64Tests
{
    private static readonly string GoldenPath =
        Path.Combine(AppContext.BaseDirectory, "data", "golden", "fingerprint64.tsv");

    // Golden vectors: `input<TAB>fingerprint64` produced by the reference C++ farmhash library
    // (util::Fingerprint64), one line per input, covering every UTF-8 byte length 0..200.
    public static TheoryData<int, string, long> GoldenLines()
    {
        var data = new TheoryData<int, string, long>();
        foreach (var (lineNumber, input, expected) in ReadGolden())
        {
            data.Add(lineNumber, input, expected);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GoldenLines))]
    public void Hash_GoldenFileLine_MatchesReference(int lineNumber, string input, long expected)
    {
        long actual = Fingerprint64.Hash(input);

        Assert.True(expected == actual, $"line {lineNumber}: expected {expected}, got {actual}");
    }

    [Fact]
    public void GoldenFile_ByteLengths_CoverEveryLengthFromZeroTo200()
    {
        var lengths = ReadGolden().Select(g => Encoding.UTF8.GetByteCount(g.Input)).ToHashSet();

        Assert.All(Enumerable.Range(0, 201), n => Assert.Contains(n, lengths));
        Assert.Contains(lengths, n => n > 256); // several 64-byte blocks
        Assert.Contains(ReadGolden(), g => g.Input.Any(c => c > 0x7F)); // non-ASCII UTF-8
    }

    [Fact]
    public void Hash_EmptyString_MatchesReference()
    {
        // The empty input returns the algorithm's constant k2 = 0x9ae16a3b2f90404f.
        Assert.Equal(-7286425919675154353L, Fingerprint64.Hash(string.Empty));
        Assert.Equal(-7286425919675154353L, Fingerprint64.Hash(ReadOnlySpan<byte>.Empty));
    }

    // The example table in BigQuery's FARM_FINGERPRINT documentation hashes
    // CONCAT(CAST(x AS STRING), y, CAST(z AS STRING)) for three rows.
    [Theory]
    [InlineData("1footrue", -1541654101129638711L)]
    [InlineData("2applefalse", 2794438866806483259L)]
    [InlineData("3true", -4880158226897771312L)]
    public void Hash_BigQueryDocumentationExample_MatchesPublishedValue(string input, long expected)
    {
        Assert.Equal(expected, Fingerprint64.Hash(input));
    }

    // Values published elsewhere for the same function: BigQuery/Guava/pyfarmhash ("alphabet") and
    // Amazon Redshift's farmFingerprint64 documentation ("Amazon Redshift").
    [Theory]
    [InlineData("alphabet", -2427165924636348523L)]
    [InlineData("Amazon Redshift", 8085098817162212970L)]
    public void Hash_OtherPublishedExample_MatchesPublishedValue(string input, long expected)
    {
        Assert.Equal(expected, Fingerprint64.Hash(input));
    }

    // Vectors from a second public implementation's tests (dgryski/go-farm, Fingerprint64 column),
    // one or more per code path: 0, 1-3, 4-7, 8-16, 17-32, 33-64 and >64 bytes (incl. non-ASCII).
    [Theory]
    [InlineData("a", 0xb3454265b6df75e3UL)]
    [InlineData("abc", 0x24a5b3a074e7f369UL)]
    [InlineData("abcdefg", 0x3c40c92b1ccb7355UL)]
    [InlineData("0123456789'01234", 0x4283d4ef43627f64UL)]
    [InlineData("0123456789%0123456789£", 0x4dbd128af51d77e8UL)]
    [InlineData("C is as portable as Stonehedge!!", 0xb944f8a16261e414UL)]
    [InlineData("He who has a shady past knows that nice guys finish last.", 0x786d7e1987023ca9UL)]
    [InlineData("For every action there is an equal and opposite government program.", 0x55182f8859eca4ceUL)]
    [InlineData("The fugacity of a constituent in a mixture of gases at a given temperature is proportional to its mole fraction.  Lewis-Randall Rule", 0x098eff6958c5e91aUL)]
    public void Hash_GoFarmVector_MatchesSecondImplementation(string input, ulong expected)
    {
        Assert.Equal(unchecked((long)expected), Fingerprint64.Hash(input));
    }

    // Upstream farmhash self-test: pseudo-random binary data (every byte value), hashing
    // data[offset .. offset + length]. Expected values are the reference's published table.
    [Theory]
    [InlineData(1, 1, 0x541150e87f415e96UL)]
    [InlineData(9, 3, 0xef923a7a1af78eabUL)]
    [InlineData(16, 4, 0x11df592596f41d88UL)]
    [InlineData(49, 7, 0x1b5a063fb4c7f9f1UL)]
    [InlineData(64, 8, 0xa0f10149a0e538d6UL)]
    [InlineData(256, 16, 0x03ead5f21d344056UL)]
    [InlineData(289, 17, 0x6abbfde37ee03b5bUL)]
    [InlineData(1024, 32, 0x0782fa1b08b475e7UL)]
    [InlineData(1089, 33, 0x09deb3da5e16b5b8UL)]
    [InlineData(4096, 64, 0xdef74bf4c9f1bc1bUL)]
    [InlineData(4225, 65, 0x3cceab392bc39b3fUL)]
    [InlineData(16384, 128, 0xf4a9a248b462909dUL)]
    [InlineData(16641, 129, 0xd4f7c858d78153b6UL)]
    [InlineData(88804, 298, 0x2031c84bc57a1a9fUL)]
    [InlineData(0, 1 << 20, 0xf853fb08a3c22903UL)]
    public void Hash_UpstreamSelfTestData_MatchesReference(int offset, int length, ulong expected)
    {
        Assert.Equal(unchecked((long)expected), Fingerprint64.Hash(SelfTestData.Value.AsSpan(offset, length)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(85)] // largest string encoded on the stack
    [InlineData(86)] // smallest string encoded into a pooled buffer
    [InlineData(10_000)]
    public void Hash_StringAndSpanOverloads_Agree(int length)
    {
        foreach (string unit in new[] { "x", "é", "日", "😀" })
        {
            string value = string.Concat(Enumerable.Repeat(unit, length));

            Assert.Equal(Fingerprint64.Hash(Encoding.UTF8.GetBytes(value)), Fingerprint64.Hash(value));
        }
    }

    [Fact]
    public void Hash_GoldenInputs_StringAndSpanOverloadsAgree()
    {
        Assert.All(ReadGolden(), g =>
            Assert.Equal(Fingerprint64.Hash(Encoding.UTF8.GetBytes(g.Input)), Fingerprint64.Hash(g.Input)));
    }

    [Fact]
    public void Hash_NullString_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => Fingerprint64.Hash((string)null!));
    }

    [Fact]
    public void Hash_ShortString_DoesNotAllocate()
    {
        const string key = "user_1234567890ab";
        long expected = Fingerprint64.Hash(key); // warm up (JIT, static init)
        long last = 0;

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1_000; i++)
        {
            last = Fingerprint64.Hash(key);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(expected, last);
    }

    [Theory]
    [InlineData(-7L, 3, 1)] // MOD(-7, 3) = -1 in BigQuery; a floored modulo would give 2
    [InlineData(7L, 3, 1)]
    [InlineData(-1541654101129638711L, 100, 11)] // FARM_FINGERPRINT("1footrue")
    [InlineData(2794438866806483259L, 100, 59)] // FARM_FINGERPRINT("2applefalse")
    [InlineData(long.MinValue, 10, 8)] // ABS(FARM_FINGERPRINT) alone would overflow here
    [InlineData(long.MinValue, int.MaxValue, 2)]
    [InlineData(long.MaxValue, 10, 7)]
    [InlineData(-5L, 1, 0)]
    public void Bucket_Fingerprint_MatchesBigQueryAbsMod(long fingerprint, int buckets, int expected)
    {
        Assert.Equal(expected, Fingerprint64.Bucket(fingerprint, buckets));
    }

    [Fact]
    public void Bucket_NegativeFingerprints_MatchTruncatedRemainderReference()
    {
        foreach (var (_, input, fingerprint) in ReadGolden())
        {
            foreach (int buckets in new[] { 2, 7, 10, 100, 1_000, 65_536, int.MaxValue })
            {
                // BigInteger.Remainder truncates toward zero (sign of the dividend), like BigQuery's MOD.
                var reference = (int)BigInteger.Abs(BigInteger.Remainder(fingerprint, buckets));
                int bucket = Fingerprint64.Bucket(fingerprint, buckets);

                Assert.True(reference == bucket, $"{input}: {fingerprint} mod {buckets}");
                Assert.InRange(bucket, 0, buckets - 1);
            }
        }

        Assert.Contains(ReadGolden(), g => g.Expected < 0);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void Bucket_NonPositiveBuckets_ThrowsArgumentOutOfRange(int buckets)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Fingerprint64.Bucket(42, buckets));
    }

    private static IEnumerable<(int LineNumber, string Input, long Expected)> ReadGolden()
    {
        string[] lines = File.ReadAllLines(GoldenPath, Encoding.UTF8);
        Assert.NotEmpty(lines);
        for (int i = 0; i < lines.Length; i++)
        {
            int tab = lines[i].LastIndexOf('\t');
            Assert.True(tab >= 0, $"line {i + 1} has no tab");
            yield return (i + 1, lines[i][..tab], long.Parse(lines[i][(tab + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    // The reference self-test's input generator (1 MiB of pseudo-random bytes).
    private static readonly Lazy<byte[]> SelfTestData = new(() =>
    {
        const ulong k0 = 0xc3a5c85c97cb3127UL;
        var data = new byte[1 << 20];
        ulong a = 9, b = 777;
        for (int i = 0; i < data.Length; i++)
        {
            unchecked
            {
                a += b;
                b += a;
                a = (a ^ (a >> 41)) * k0;
                b = ((b ^ (b >> 41)) * k0) + (ulong)i;
                data[i] = (byte)(b >> 37);
            }
        }

        return data;
    });
}
