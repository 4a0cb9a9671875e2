using System.Buffers.Binary;
using NetGuard.Capture.Files;
using NetGuard.Capture.Tests.Support;
using NetGuard.Core.Packets;

namespace NetGuard.Capture.Tests.Files;

public class PcapReaderTests
{
    private static readonly byte[] A = [.. Enumerable.Range(0, 60).Select(i => (byte)i)];
    private static readonly byte[] B = [.. Enumerable.Range(0, 1514).Select(i => (byte)(i * 7))];
    private static readonly byte[] C = [0xAA];

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void TryReadNext_EitherByteOrderAndResolution_ReturnsEveryFrameExactly(bool bigEndian, bool nanoseconds)
    {
        using var dir = new TempDirectory();
        var path = dir.Write("x.pcap", CaptureBytes.Pcap(
            w =>
            {
                w.Write(1_700_000_000_123_456, A);
                w.Write(1_700_000_001_000_000, B.AsSpan(0, 96), originalLength: 1514);
                w.Write(4_000_000_000_999_999, C); // seconds beyond int.MaxValue: the field is unsigned
            },
            LinkType.Ethernet,
            bigEndian,
            nanoseconds));

        using var reader = CaptureFileReader.Open(path);
        Assert.Equal("pcap", reader.Format);
        var frames = CaptureRead.All(path);

        Assert.Equal(
            [
                new FrameCopy(LinkType.Ethernet, 1_700_000_000_123_456, 60, A),
                new FrameCopy(LinkType.Ethernet, 1_700_000_001_000_000, 1514, B[..96]),
                new FrameCopy(LinkType.Ethernet, 4_000_000_000_999_999, 1, C),
            ],
            frames);
    }

    [Fact]
    public void TryReadNext_AfterTheEnd_KeepsReturningFalse()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("x.pcap", CaptureBytes.Pcap(w => w.Write(5, A)));

        using var reader = CaptureFileReader.Open(path);
        Assert.True(reader.TryReadNext(out _));
        Assert.False(reader.TryReadNext(out _));
        Assert.False(reader.TryReadNext(out _));
        Assert.Equal(1, reader.FramesRead);
        Assert.Equal(1.0, reader.Progress);
    }

    [Fact]
    public void TryReadNext_HeaderOnly_NoFrames()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("x.pcap", CaptureBytes.Pcap(_ => { }));

        Assert.Empty(CaptureRead.All(path));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TryReadNext_NanosecondFraction_TruncatedToMicroseconds(bool bigEndian)
    {
        var bytes = CaptureBytes.Pcap(w => w.Write(1_600_000_000_000_000, A), bigEndian: bigEndian, nanoseconds: true);
        CaptureBytes.Write32(bytes.AsSpan(24 + 4), 999_999_999, bigEndian);
        using var dir = new TempDirectory();

        var frame = Assert.Single(CaptureRead.All(dir.Write("ns.pcap", bytes)));

        Assert.Equal(1_600_000_000_999_999, frame.TimestampMicros);
    }

    [Theory]
    [InlineData(LinkType.LinuxSll2)]
    [InlineData(LinkType.Raw)]
    [InlineData(LinkType.Null)]
    [InlineData((LinkType)147)] // a user link type: passed on, the decoder calls it unsupported
    public void TryReadNext_LinkTypeFromTheFileHeader(LinkType link)
    {
        using var dir = new TempDirectory();
        var path = dir.Write("x.pcap", CaptureBytes.Pcap(w => w.Write(1, A), link, bigEndian: true));

        Assert.Equal(link, Assert.Single(CaptureRead.All(path)).LinkType);
    }

    [Fact]
    public void TryReadNext_FcsBitsAboveTheLinkType_Ignored()
    {
        var bytes = CaptureBytes.Pcap(w => w.Write(1, A), LinkType.LinuxSll);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(20), 0x1000_0000u | (uint)LinkType.LinuxSll); // FCS present, 4 bytes
        using var dir = new TempDirectory();

        Assert.Equal(LinkType.LinuxSll, Assert.Single(CaptureRead.All(dir.Write("fcs.pcap", bytes))).LinkType);
    }

    [Fact]
    public void TryReadNext_ManyFramesBeyondOneBuffer_AllReturnedInOrder()
    {
        // More than the reader's 4 MiB buffer, so that records straddle refills.
        var frame = new byte[1001];
        using var dir = new TempDirectory();
        var path = dir.Write("big.pcap", CaptureBytes.Pcap(w =>
        {
            for (var i = 0; i < 5000; i++)
            {
                frame[0] = (byte)i;
                w.Write(i * 1000L, frame);
            }
        }));

        var frames = CaptureRead.All(path);

        Assert.Equal(5000, frames.Count);
        Assert.All(frames, (f, i) =>
        {
            Assert.Equal(i * 1000L, f.TimestampMicros);
            Assert.Equal((byte)i, f.Data[0]);
            Assert.Equal(1001, f.Data.Length);
        });
    }
}
