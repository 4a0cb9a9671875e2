using NetGuard.Capture.Tests.Support;
using static NetGuard.Capture.Tests.Support.Faults;

namespace NetGuard.Capture.Tests.Files;

/// <summary>Damaged classic pcap files: the frames before the fault first, then a one-line CaptureFileException.</summary>
public class PcapFaultTests
{
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

    private static void Write3(NetGuard.Testing.Files.PcapWriter w)
    {
        w.Write(1_000_000, Frame);
        w.Write(2_000_000, Frame);
        w.Write(3_000_000, Frame);
    }
}
