using NetGuard.Capture.Files;
using NetGuard.Capture.Tests.Support;
using NetGuard.Core.Packets;
using NetGuard.Core.Pipeline;
using NetGuard.Testing.Frames;
using NetGuard.Testing.Files;
using static NetGuard.Capture.Tests.Support.Addresses;

namespace NetGuard.Capture.Tests.Files;

public class FileCaptureSourceTests
{
    private const long Base = 1_700_000_000_000_000;

    [Fact]
    public async Task Run_MixedPcap_CountsAndRecordsMatchWhatWasWritten()
    {
        var ct = TestContext.Current.CancellationToken;
        var mix = new MixedCapture();
        using var dir = new TempDirectory();
        var path = dir.Write("mixed.pcapng", CaptureBytes.Pcap(mix.WriteTo));
        using var source = FileCaptureSource.Open(path);
        var harness = new PipelineHarness();

        var error = await harness.RunAsync(source, channelCapacity: 1, CancellationToken.None, ct);

        Assert.Null(error);
        var c = harness.Counters;
        Assert.Equal(MixedCapture.Total, c.Frames);
        Assert.Equal(MixedCapture.Tcp4 + MixedCapture.Udp6, c.IpPackets);
        Assert.Equal(MixedCapture.Arp, c.NotIp);
        Assert.Equal(MixedCapture.Cut, c.Truncated);
        Assert.Equal(MixedCapture.BadVersion, c.Malformed);
        Assert.Equal(0, c.UnsupportedLinkType);
        Assert.Equal(MixedCapture.Cut + MixedCapture.BadVersion, c.DecodeErrors);
        Assert.Equal(mix.WireBytes, c.FrameBytes);
        Assert.Equal(Base - 5_000_000, c.FirstMicros); // written in the middle of the file
        Assert.Equal(Base + 9_000_000_000, c.LastMicros);
        Assert.Equal(BackpressureMode.Wait, source.Backpressure);
        Assert.Equal(0, c.PipelineDroppedPackets);
        Assert.Equal(mix.ExpectedRecords, harness.Records);
        Assert.Equal(2, harness.Batches); // 340 records: one full batch of 256 and the flushed rest
        Assert.Equal(1.0, source.Progress);
        Assert.Equal(path, source.Name);
        Assert.Equal("pcap", source.Format);
    }

    [Fact]
    public async Task Run_PcapngWithSeveralLinkTypes_CountsUnsupportedLinks()
    {
        var ct = TestContext.Current.CancellationToken;
        var spec = new FrameSpec { Source = V4Source, Destination = V4Destination, Protocol = IpProtocol.Udp, SourcePort = 7, DestinationPort = 9 };
        using var dir = new TempDirectory();
        var path = dir.Write("links.pcapng", CaptureBytes.Pcapng(w =>
        {
            w.AddInterface(LinkType.Raw);
            w.AddInterface((LinkType)127, timestampResolution: 9); // radiotap: not decoded
            w.AddInterface(LinkType.LinuxSll2);
            w.WriteEnhanced(0, Base + 1, FrameBuilder.IpPacket(spec));
            w.WriteEnhanced(1, Base + 2, new byte[40], originalLength: 1000);
            w.WriteEnhanced(2, Base + 3, LinkFrames.Sll2(FrameBuilder.IpPacket(spec with { SourcePort = 8 }), 0x0800));
            w.WriteEnhanced(1, Base + 4, new byte[40]);
        }));
        using var source = FileCaptureSource.Open(path);
        var harness = new PipelineHarness();

        Assert.Null(await harness.RunAsync(source, channelCapacity: 4, CancellationToken.None, ct));

        Assert.Equal(4, harness.Counters.Frames);
        Assert.Equal(2, harness.Counters.IpPackets);
        Assert.Equal(2, harness.Counters.UnsupportedLinkType);
        Assert.Equal(2, harness.Counters.DecodeErrors);
        Assert.Equal(28 + 1000 + 48 + 40, harness.Counters.FrameBytes);
        Assert.Equal(Base + 1, harness.Counters.FirstMicros);
        Assert.Equal(Base + 4, harness.Counters.LastMicros);
        Assert.Equal([(Base + 1, (ushort)7), (Base + 3, (ushort)8)], harness.Records.Select(r => (r.TimestampMicros, r.SourcePort)));
    }

    [Fact]
    public async Task Run_TruncatedFile_DeliversEarlierPacketsThenThrows()
    {
        var ct = TestContext.Current.CancellationToken;
        var frame = FrameBuilder.Ethernet(new FrameSpec { Source = V4Source, Destination = V4Destination });
        var bytes = CaptureBytes.Pcap(w =>
        {
            for (var i = 0; i < 300; i++)
            {
                w.Write(Base + i, frame);
            }
        });
        using var dir = new TempDirectory();
        var path = dir.Write("cut.pcap", bytes.AsSpan(0, bytes.Length - 10));
        using var source = FileCaptureSource.Open(path);
        var harness = new PipelineHarness();

        var error = await harness.RunAsync(source, channelCapacity: 1, CancellationToken.None, ct);

        var fault = Assert.IsType<CaptureFileException>(error);
        Assert.Contains("truncated pcap file: packet 300 needs 54 bytes but only 44 remain", fault.Message, StringComparison.Ordinal);
        Assert.Equal(299, harness.Counters.Frames);
        Assert.Equal(299, harness.Records.Count);
        Assert.Equal(Base + 298, harness.Records[^1].TimestampMicros);
    }

    [Fact]
    public async Task Run_Cancelled_StopsAtTheNextCheckAndFlushes()
    {
        var ct = TestContext.Current.CancellationToken;
        var frame = FrameBuilder.IpPacket(new FrameSpec { Source = V4Source, Destination = V4Destination, Protocol = IpProtocol.Udp });
        using var dir = new TempDirectory();
        var path = dir.PathOf("long.pcap");
        using (var writer = PcapWriter.Create(path, LinkType.Raw))
        {
            for (var i = 0; i < 70_000; i++)
            {
                writer.Write(Base + i, frame);
            }
        }

        using var source = FileCaptureSource.Open(path);
        var harness = new PipelineHarness();

        var error = await harness.RunAsync(source, PacketChannel.DefaultCapacity, new CancellationToken(canceled: true), ct);

        Assert.IsType<OperationCanceledException>(error);
        Assert.Equal(65_536, harness.Counters.Frames); // the source checks the token every 65,536 frames
        Assert.Equal(65_536, harness.Records.Count);
    }

    [Fact]
    public void Open_NotACapture_ThrowsBeforeThePipelineStarts()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("notes.pcap", "text"u8);

        var error = Assert.Throws<CaptureFileException>(() => FileCaptureSource.Open(path));

        Assert.StartsWith(path + ": not a pcap or pcapng file", error.Message, StringComparison.Ordinal);
    }
}
