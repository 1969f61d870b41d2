using System.Text;
using Recur.Lake.Ingest;

namespace Recur.Tests.Lake.Ingest;

public sealed class Utf8InternerTests
{
    [Fact]
    public void Get_SameBytes_SameInstanceAndCode_OtherBytes_OtherCode()
    {
        var interner = new Utf8Interner();
        // Short and long values, values that differ only past the 16th byte, and a trailing zero byte.
        string[] values = ["a", "a\0", "", "card", "cash", "0123456789abcdef", "0123456789abcdef-x", "0123456789abcdef-y", "é", new string('z', 40)];

        var first = values.Select(v => (Text: interner.Get(Encoding.UTF8.GetBytes(v), out var code), Code: code)).ToArray();
        var second = values.Select(v => (Text: interner.Get(Encoding.UTF8.GetBytes(v), out var code), Code: code)).ToArray();

        Assert.Equal(values, first.Select(f => f.Text));
        Assert.Equal(Enumerable.Range(0, values.Length), first.Select(f => f.Code));
        for (var i = 0; i < values.Length; i++)
        {
            Assert.Same(first[i].Text, second[i].Text);
            Assert.Equal(first[i].Code, second[i].Code);
        }
    }

    [Fact]
    public void Tables_AfterGrowth_StillHoldEveryCodeIssued()
    {
        var interner = new Utf8Interner();
        var early = interner.Values;
        var codes = Enumerable.Range(0, 5000).Select(i => { interner.Get(Encoding.UTF8.GetBytes($"value-{i}"), out var code); return code; }).ToArray();

        Assert.Equal(Enumerable.Range(0, 5000), codes);
        Assert.Equal("value-4999", interner.Values[4999]);
        Assert.Equal("value-4999"u8.ToArray(), interner.Utf8[4999]);
        // A table handed out before growing keeps the codes it covered.
        Assert.Equal("value-0", early[0]);
    }

    [Fact]
    public void Get_PastTheDistinctLimit_StopsIssuingCodes()
    {
        var interner = new Utf8Interner();
        for (var i = 0; i < 1 << 16; i++) interner.Get(Encoding.UTF8.GetBytes(i.ToString()), out _);

        var text = interner.Get("one more"u8, out var code);
        var again = interner.Get("0"u8, out var known);

        Assert.Equal("one more", text);
        Assert.Equal(-1, code);
        Assert.Equal("0", again);
        Assert.Equal(-1, known);
    }

    [Fact]
    public void Get_LongerThanTheLimit_IsDecodedWithoutACode()
    {
        var interner = new Utf8Interner();
        var long_ = new string('x', 300);

        Assert.Equal(long_, interner.Get(Encoding.UTF8.GetBytes(long_), out var code));
        Assert.Equal(-1, code);
    }

    [Fact]
    public void Get_EveryLengthAndEveryByte_TellsValuesApart()
    {
        // Values of every length up to 40 that differ from a base in exactly one byte: each must get
        // a code of its own, and asking again must give the same code.
        var interner = new Utf8Interner();
        var seen = new HashSet<int>();
        var count = 0;
        for (var length = 0; length <= 40; length++)
        {
            var base_ = Enumerable.Range(0, length).Select(i => (byte)('a' + i % 26)).ToArray();
            for (var at = -1; at < length; at++)
            {
                var value = (byte[])base_.Clone();
                if (at >= 0) value[at] = (byte)'#';
                interner.Get(value, out var code);
                Assert.True(seen.Add(code), $"length {length}, byte {at}: code {code} given twice");
                interner.Get((byte[])value.Clone(), out var again);
                Assert.Equal(code, again);
                count++;
            }
        }
        Assert.Equal(count, seen.Count);
    }
}
