using NetGuard.Capture.Files;
using NetGuard.Capture.Tests.Support;
using NetGuard.Core.Packets;

namespace NetGuard.Capture.Tests.Files;

public class PcapngReaderTests
{
    private static readonly byte[] A = [.. Enumerable.Range(0, 61).Select(i => (byte)(i + 1))];
    private static readonly byte[] B = [.. Enumerable.Range(0, 100).Select(i => (byte)(255 - i))];

    [Theory]
    [InlineData(null, 1_700_000_000_123_456, 1_700_000_000_123_456)]  // default: microseconds
    [InlineData((byte)6, 1_700_000_000_123_456, 1_700_000_000_123_456)]
    [InlineData((byte)9, 1_700_000_000_123_457, 1_700_000_000_123_457)]
    [InlineData((byte)3, 1_700_000_000_123_456, 1_700_000_000_123_000)] // milliseconds
    [InlineData((byte)0, 1_700_000_000_999_999, 1_700_000_000_000_000)] // whole seconds
    [InlineData((byte)0x94, 1_700_000_000_250_000, 1_700_000_000_250_000)] // 2^-20 s, an exact quarter second
    [InlineData((byte)0x8A, 1_700_000_000_000_999, 1_700_000_000_000_976)] // 2^-10 s: 999 µs is 1 unit, which is 976.56 µs
    public void TryReadNext_TimestampResolution_ConvertedToMicroseconds(byte? resolution, long written, long expected)
    {
        using var dir = new TempDirectory();
        var path = dir.Write("x.pcapng", CaptureBytes.Pcapng(w =>
        {
            w.AddInterface(LinkType.Ethernet, resolution);
            w.WriteEnhanced(0, written, A);
        }));

        Assert.Equal(new FrameCopy(LinkType.Ethernet, expected, 61, A), Assert.Single(CaptureRead.All(path)));
    }

    [Theory]
    [InlineData((byte)6, 3600L)]
    [InlineData((byte)9, 3600L)]
    [InlineData((byte)6, -86_400L)]
    [InlineData((byte)0x94, 1_000_000_000L)]
    public void TryReadNext_TimestampOffset_AddedInSeconds(byte resolution, long offsetSeconds)
    {
        using var dir = new TempDirectory();
        var path = dir.Write("x.pcapng", CaptureBytes.Pcapng(w =>
        {
            w.AddInterface(LinkType.Ethernet, resolution, offsetSeconds: offsetSeconds);
            w.WriteEnhanced(0, 700_000_000_500_000, A);
        }));

        Assert.Equal(700_000_000_500_000 + (offsetSeconds * 1_000_000), Assert.Single(CaptureRead.All(path)).TimestampMicros);
    }

    [Fact]
    public void TryReadNext_SectionsOfDifferentByteOrders_EachReadWithItsOwnOrderAndInterfaces()
    {
        var little = CaptureBytes.Pcapng(w =>
        {
            w.AddInterface(LinkType.Ethernet);
            w.WriteEnhanced(0, 1_000_000_000_000_001, A);
        });
        var big = CaptureBytes.Pcapng(
            w =>
            {
                w.AddInterface(LinkType.Raw, timestampResolution: 9);
                w.AddInterface(LinkType.LinuxSll, offsetSeconds: 10);
                w.WriteEnhanced(1, 1_000_000_000_000_002, B, originalLength: 1500);
                w.WriteEnhanced(0, 1_000_000_000_000_003, A);
            },
            bigEndian: true);
        var littleAgain = CaptureBytes.Pcapng(w =>
        {
            w.AddInterface(LinkType.Null, timestampResolution: 0x94);
            w.WriteEnhanced(0, 1_000_000_000_500_000, B);
        });
        using var dir = new TempDirectory();

        var frames = CaptureRead.All(dir.Write("sections.pcapng", CaptureBytes.Concat(little, big, littleAgain)));

        Assert.Equal(
            [
                new FrameCopy(LinkType.Ethernet, 1_000_000_000_000_001, 61, A),
                new FrameCopy(LinkType.LinuxSll, 1_000_000_010_000_002, 1500, B),
                new FrameCopy(LinkType.Raw, 1_000_000_000_000_003, 61, A),
                new FrameCopy(LinkType.Null, 1_000_000_000_500_000, 100, B),
            ],
            frames);
    }

    [Fact]
    public void TryReadNext_SimplePackets_FirstInterfaceLastTimestampAndSnapLength()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("spb.pcapng", CaptureBytes.Pcapng(w =>
        {
            w.AddInterface(LinkType.LinuxSll2, snapLength: 64);
            w.AddInterface(LinkType.Ethernet);
            w.WriteEnhanced(1, 1_500_000_000_000_000, A);
            w.WriteSimple(B);   // longer than the snap length: cut to 64
            w.WriteSimple(A.AsSpan(0, 10));
        }));

        Assert.Equal(
            [
                new FrameCopy(LinkType.Ethernet, 1_500_000_000_000_000, 61, A),
                new FrameCopy(LinkType.LinuxSll2, 1_500_000_000_000_000, 100, B[..64]),
                new FrameCopy(LinkType.LinuxSll2, 1_500_000_000_000_000, 10, A[..10]),
            ],
            CaptureRead.All(path));
    }

    [Fact]
    public void TryReadNext_UnknownAndNonPacketBlocks_Skipped()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("blocks.pcapng", CaptureBytes.Pcapng(w =>
        {
            w.WriteOpaqueBlock(0x0000_0BAD, 0);
            w.AddInterface(LinkType.Ethernet);
            w.WriteOpaqueBlock(4, 13);            // name resolution
            w.WriteEnhanced(0, 10, A);
            w.WriteOpaqueBlock(5, 24);            // interface statistics
            w.WriteOpaqueBlock(0x0000_000A, 40);  // decryption secrets
            w.WriteOpaqueBlock(0x4000_0BAD, 1000); // custom, copyable
            w.WriteEnhanced(0, 20, B);
            w.WriteOpaqueBlock(0x8000_0001, 4);   // reserved for local use
        }));

        Assert.Equal(
            [new FrameCopy(LinkType.Ethernet, 10, 61, A), new FrameCopy(LinkType.Ethernet, 20, 100, B)],
            CaptureRead.All(path));
    }

    [Fact]
    public void TryReadNext_BlockLargerThanTheReadBuffer_SkippedAndReadingGoesOn()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("large.pcapng", CaptureBytes.Pcapng(w =>
        {
            w.AddInterface(LinkType.Ethernet);
            w.WriteEnhanced(0, 1, A);
            w.WriteOpaqueBlock(0x0000_0BAD, 5 << 20); // beyond the reader's 4 MiB buffer
            w.WriteEnhanced(0, 2, B);
        }));

        Assert.Equal([new FrameCopy(LinkType.Ethernet, 1, 61, A), new FrameCopy(LinkType.Ethernet, 2, 100, B)], CaptureRead.All(path));
    }

    [Fact]
    public void TryReadNext_SeveralInterfaces_EachFrameGetsItsInterfacesLinkTypeAndResolution()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("multi.pcapng", CaptureBytes.Pcapng(w =>
        {
            w.AddInterface(LinkType.Ethernet);
            w.AddInterface(LinkType.Raw, timestampResolution: 9);
            w.AddInterface(LinkType.LinuxSll2, timestampResolution: 0x94);
            w.AddInterface(LinkType.Null, offsetSeconds: 1);
            w.WriteEnhanced(2, 300_250_000, A);
            w.WriteEnhanced(0, 100, B);
            w.WriteEnhanced(3, 400, A);
            w.WriteEnhanced(1, 200, B);
        }));

        Assert.Equal(
            [
                new FrameCopy(LinkType.LinuxSll2, 300_250_000, 61, A),
                new FrameCopy(LinkType.Ethernet, 100, 100, B),
                new FrameCopy(LinkType.Null, 1_000_400, 61, A),
                new FrameCopy(LinkType.Raw, 200, 100, B),
            ],
            CaptureRead.All(path));
    }

    [Fact]
    public void TryReadNext_ObsoletePacketBlock_Read()
    {
        var body = CaptureBytes.EnhancedBody(0, 1_234_000_000_000_007, A);
        body[2] = 5; // a 16-bit interface id then a 16-bit drop count: read as one 32-bit id it would name interface 0x50000
        var head = CaptureBytes.Pcapng(w => w.AddInterface(LinkType.Ethernet));
        using var dir = new TempDirectory();

        var frames = CaptureRead.All(dir.Write("pb.pcapng", CaptureBytes.Concat(head, CaptureBytes.Block(2, body))));

        Assert.Equal(new FrameCopy(LinkType.Ethernet, 1_234_000_000_000_007, 61, A), Assert.Single(frames));
    }

    [Fact]
    public void Open_Pcapng_FormatIsPcapng()
    {
        using var dir = new TempDirectory();
        using var reader = CaptureFileReader.Open(dir.Write("x.pcapng", CaptureBytes.Pcapng(w => w.AddInterface(LinkType.Ethernet))));

        Assert.Equal("pcapng", reader.Format);
        Assert.False(reader.TryReadNext(out _));
    }
}
