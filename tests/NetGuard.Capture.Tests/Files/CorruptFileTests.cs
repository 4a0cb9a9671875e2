using NetGuard.Capture.Files;
using NetGuard.Capture.Tests.Support;
using NetGuard.Core.Packets;

namespace NetGuard.Capture.Tests.Files;

/// <summary>
/// Files that cannot be read to the end: a <see cref="CaptureFileException"/> with a one-line message that
/// names the file and says what is wrong, after every frame before the fault has been returned.
/// </summary>
public class CorruptFileTests
{
    private static readonly byte[] Frame = [.. Enumerable.Range(0, 60).Select(i => (byte)(i ^ 0x5C))];

    private static readonly FrameCopy First = new(LinkType.Ethernet, 1_000_000, 60, Frame);
    private static readonly FrameCopy Second = new(LinkType.Ethernet, 2_000_000, 60, Frame);

    [Fact]
    public void Open_EmptyFile_SaysEmpty()
    {
        AssertFails([], "x.pcap", [], "the file is empty, not a capture");
    }

    [Fact]
    public void Open_ThreeByteFile_SaysTooShort()
    {
        AssertFails([0xD4, 0xC3, 0xB2], "x.pcap", [], "the file is 3 bytes long, too short to be a capture");
    }

    [Fact]
    public void Open_TextFile_SaysNotAPcap()
    {
        AssertFails("hello, this is not a capture\n"u8.ToArray(), "x.pcap", [], "not a pcap or pcapng file (it starts with 0x68656C6C");
    }

    [Fact]
    public void Open_GzippedCapture_SaysNotAPcapAndToUncompress()
    {
        AssertFails([0x1F, 0x8B, 0x08, 0x00, 0, 0, 0, 0, 0, 0], "x.pcap.gz", [], "not a pcap or pcapng file (it starts with 0x1F8B0800; compressed captures must be uncompressed first)");
    }

    [Fact]
    public void Open_MissingFile_SaysCannotOpen()
    {
        using var dir = new TempDirectory();
        var path = dir.PathOf("absent.pcap");

        var error = Assert.Throws<CaptureFileException>(() => CaptureFileReader.Open(path));

        Assert.StartsWith(path + ": cannot open: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_PcapFileHeaderCut_SaysTruncated()
    {
        var bytes = CaptureBytes.Pcap(_ => { })[..10];

        AssertFails(bytes, "x.pcap", [], "truncated pcap file: the 24-byte file header is incomplete");
    }

    [Fact]
    public void TryReadNext_PcapRecordHeaderCut_FramesFirstThenTruncated()
    {
        var bytes = CaptureBytes.Pcap(w => Write3(w))[..(24 + (2 * 76) + 7)];

        AssertFails(bytes, "x.pcap", [First, Second], "truncated pcap file: a record header has only 7 of its 16 bytes at byte 176 after 2 packets (file is 183 bytes)");
    }

    [Fact]
    public void TryReadNext_PcapRecordBodyCut_FramesFirstThenTruncated()
    {
        var bytes = CaptureBytes.Pcap(w => Write3(w))[..^5];

        AssertFails(bytes, "x.pcap", [First, Second], "truncated pcap file: packet 3 needs 60 bytes but only 55 remain");
    }

    [Fact]
    public void TryReadNext_PcapRecordClaimingTwoGigabytes_FramesFirstThenCorrupt()
    {
        var bytes = CaptureBytes.Pcap(w =>
        {
            w.Write(1_000_000, Frame);
            w.Write(2_000_000, Frame);
        });
        CaptureBytes.Write32(bytes.AsSpan(24 + 76 + 8), 0x8000_0000, bigEndian: false);

        AssertFails(bytes, "x.pcap", [First], "corrupt pcap file at byte 116 after 1 packets: a record claims 2147483648 captured bytes");
    }

    [Fact]
    public void TryReadNext_PcapngBlockWithWrongTrailingLength_FramesFirstThenCorrupt()
    {
        var bytes = CaptureBytes.Concat(
            Pcapng2(),
            CaptureBytes.Block(6, CaptureBytes.EnhancedBody(0, 3_000_000, Frame), trailer: 12));

        AssertFails(bytes, "x.pcapng", [First, Second], "corrupt pcapng file", "block of type 0x6 ends with a length that differs from its start");
    }

    [Fact]
    public void TryReadNext_PcapngPacketNamingAMissingInterface_FramesFirstThenCorrupt()
    {
        var bytes = CaptureBytes.Concat(Pcapng2(), CaptureBytes.Block(6, CaptureBytes.EnhancedBody(3, 3_000_000, Frame)));

        AssertFails(bytes, "x.pcapng", [First, Second], "corrupt pcapng file", "after 2 packets: a packet names interface 3 but the section describes 1");
    }

    [Fact]
    public void TryReadNext_PcapngInterfaceOfAnEarlierSection_Corrupt()
    {
        // A new section header, then a packet on interface 0, which only the previous section described.
        var bytes = CaptureBytes.Concat(Pcapng2(), CaptureBytes.Pcapng(_ => { }), CaptureBytes.Block(6, CaptureBytes.EnhancedBody(0, 3_000_000, Frame)));

        AssertFails(bytes, "x.pcapng", [First, Second], "corrupt pcapng file", "a packet names interface 0 but the section describes 0");
    }

    [Fact]
    public void TryReadNext_PcapngSimplePacketBeforeAnyInterface_Corrupt()
    {
        AssertFails(CaptureBytes.Pcapng(w => w.WriteSimple(Frame)), "x.pcapng", [], "corrupt pcapng file", "names interface 0 but the section describes 0");
    }

    [Fact]
    public void TryReadNext_PcapngBlockCut_FramesFirstThenTruncated()
    {
        var whole = CaptureBytes.Pcapng(w =>
        {
            w.AddInterface(LinkType.Ethernet);
            w.WriteEnhanced(0, 1_000_000, Frame);
            w.WriteEnhanced(0, 2_000_000, Frame);
        });

        AssertFails(whole[..^40], "x.pcapng", [First], "truncated pcapng file: a block of type 0x6 needs 92 bytes but only 52 remain");
    }

    [Fact]
    public void TryReadNext_PcapngBlockHeaderCut_FramesFirstThenTruncated()
    {
        var bytes = CaptureBytes.Concat(Pcapng2(), [6, 0, 0, 0, 92]);

        AssertFails(bytes, "x.pcapng", [First, Second], "truncated pcapng file: a block header has only 5 of its 12 bytes");
    }

    [Theory]
    [InlineData(13u)]
    [InlineData(8u)]
    [InlineData(0x7FFF_FFFCu)]
    public void TryReadNext_PcapngImpossibleBlockLength_Corrupt(uint length)
    {
        var block = CaptureBytes.Block(6, CaptureBytes.EnhancedBody(0, 3_000_000, Frame));
        CaptureBytes.Write32(block.AsSpan(4), length, bigEndian: false);

        AssertFails(CaptureBytes.Concat(Pcapng2(), block), "x.pcapng", [First, Second], "corrupt pcapng file", $"block of type 0x6 has an impossible length {length}");
    }

    [Fact]
    public void TryReadNext_PcapngBadByteOrderMagic_Corrupt()
    {
        var bytes = CaptureBytes.Pcapng(w => w.AddInterface(LinkType.Ethernet));
        bytes[8] = 0x4E;

        AssertFails(bytes, "x.pcapng", [], "corrupt pcapng file at byte 0 after 0 packets: section header byte-order magic is 0x1A2B3C4E");
    }

    [Fact]
    public void TryReadNext_PcapngCapturedLengthBeyondBlock_Corrupt()
    {
        var bytes = CaptureBytes.Concat(Pcapng2(), CaptureBytes.Block(6, CaptureBytes.EnhancedBody(0, 3_000_000, Frame, capturedLength: 200)));

        AssertFails(bytes, "x.pcapng", [First, Second], "corrupt pcapng file", "enhanced packet claims 200 captured bytes in a block with room for 60");
    }

    [Fact]
    public void TryReadNext_PcapngTimestampResolutionOutOfRange_Corrupt()
    {
        AssertFails(CaptureBytes.Pcapng(w => w.AddInterface(LinkType.Ethernet, timestampResolution: 20)), "x.pcapng", [], "corrupt pcapng file", "interface timestamp resolution 0x14 is out of range");
    }

    private static void Write3(NetGuard.Testing.Files.PcapWriter w)
    {
        w.Write(1_000_000, Frame);
        w.Write(2_000_000, Frame);
        w.Write(3_000_000, Frame);
    }

    private static byte[] Pcapng2() => CaptureBytes.Pcapng(w =>
    {
        w.AddInterface(LinkType.Ethernet);
        w.WriteEnhanced(0, 1_000_000, Frame);
        w.WriteEnhanced(0, 2_000_000, Frame);
    });

    private static void AssertFails(byte[] bytes, string name, FrameCopy[] before, params string[] says)
    {
        using var dir = new TempDirectory();
        var path = dir.Write(name, bytes);

        var frames = CaptureRead.Until(path, out var error);

        Assert.NotNull(error);
        Assert.StartsWith(path + ": ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        foreach (var text in says)
        {
            Assert.Contains(text, error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(before, frames);
    }
}
