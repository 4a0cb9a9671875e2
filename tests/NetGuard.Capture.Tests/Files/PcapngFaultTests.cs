using NetGuard.Capture.Tests.Support;
using NetGuard.Core.Packets;
using static NetGuard.Capture.Tests.Support.Faults;

namespace NetGuard.Capture.Tests.Files;

/// <summary>Damaged pcapng files: the frames before the fault first, then a one-line CaptureFileException.</summary>
public class PcapngFaultTests
{
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

    private static byte[] Pcapng2() => CaptureBytes.Pcapng(w =>
    {
        w.AddInterface(LinkType.Ethernet);
        w.WriteEnhanced(0, 1_000_000, Frame);
        w.WriteEnhanced(0, 2_000_000, Frame);
    });
}
