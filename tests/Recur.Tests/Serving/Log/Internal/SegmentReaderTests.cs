using Recur.Core.Serving;
using Recur.Serving.Log.Internal;

namespace Recur.Tests.Serving.Log.Internal;

/// <summary>Frames are read whole or not at all: a torn tail or a bad checksum stops the scan and is reported.</summary>
public sealed class SegmentReaderTests
{
    private static readonly PredictionRecord[] Records =
    [
        new("k1", "m", 1, DateTimeOffset.UnixEpoch, """{"x":1}""", "yes", 0.9),
        new("k2", "m", 1, DateTimeOffset.UnixEpoch, """{"x":2}""", "no", 0.1, Rules: "override:r"),
        new("k3", "m", 2, DateTimeOffset.UnixEpoch, """{"x":3}""", "yes", 0.7, Route: "default", Role: "phase2", LatencyMs: 1.5),
    ];

    [Fact]
    public void Scan_WholeFrames_ReturnsEveryRecordAndEndsClean()
    {
        var data = LogFrame.Encode(Records);
        var frames = new List<FoundFrame>();

        var (consumed, end) = SegmentReader.Scan(data, 1000, frames);

        Assert.Equal((data.Length, ScanEnd.Clean), (consumed, end));
        Assert.Equal(Records, frames.Select(f => LogFrame.Decode(data.AsSpan(f.PayloadStart, f.PayloadLength))));
        Assert.Equal(1000, frames[0].Offset);
    }

    [Fact]
    public void Scan_TornLastFrame_StopsBeforeItAsIncomplete()
    {
        var data = LogFrame.Encode(Records);
        var frames = new List<FoundFrame>();

        var (consumed, end) = SegmentReader.Scan(data.AsSpan(0, data.Length - 3), 0, frames);

        Assert.Equal(ScanEnd.Incomplete, end);
        Assert.Equal(2, frames.Count);
        Assert.Equal(LogFrame.Encode(Records[..2]).Length, consumed);
    }

    [Fact]
    public void Scan_BadChecksum_StopsAtThatFrameAsCorrupt()
    {
        var data = LogFrame.Encode(Records);
        var second = LogFrame.Encode(Records[..1]).Length;
        data[second + LogFrame.HeaderBytes + 2] ^= 0x20; // one flipped bit in the second record's payload
        var frames = new List<FoundFrame>();

        var (consumed, end) = SegmentReader.Scan(data, 0, frames);

        Assert.Equal((second, ScanEnd.Corrupt), (consumed, end));
        Assert.Single(frames);
    }

    [Fact]
    public void Scan_ZeroedTail_IsCorruptNotAnEmptyFrame()
    {
        var data = LogFrame.Encode(Records[..1]).Concat(new byte[64]).ToArray();
        var frames = new List<FoundFrame>();

        var (_, end) = SegmentReader.Scan(data, 0, frames);

        Assert.Equal(ScanEnd.Corrupt, end);
        Assert.Single(frames);
    }

    [Fact]
    public void ScanFile_TornTail_ReportsWhereTheValidFramesEnd()
    {
        using var dir = new TempDir();
        var data = LogFrame.Encode(Records);
        File.WriteAllBytes(dir.Path("s.seg"), data[..^5]);

        var (validEnd, length, end, count) = SegmentReader.ScanFile(dir.Path("s.seg"), 0);

        Assert.Equal((LogFrame.Encode(Records[..2]).Length, data.Length - 5, ScanEnd.Incomplete, 2), (validEnd, length, end, count));
    }
}
