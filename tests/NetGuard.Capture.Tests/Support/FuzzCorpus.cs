using NetGuard.Core.Packets;
using NetGuard.Testing.Frames;

namespace NetGuard.Capture.Tests.Support;

/// <summary>Small valid capture files in both formats and byte orders, to be mutated by the file fuzz test.</summary>
internal static class FuzzCorpus
{
    public static IReadOnlyList<byte[]> Files()
    {
        var random = new Random(5);
        byte[][] frames = [.. Enumerable.Range(0, 6).Select(_ => RandomFrames.Next(random, maxPayload: 8).Bytes)];
        var tcp = FrameBuilder.Ethernet(new FrameSpec { Source = Addresses.V4Source, Destination = Addresses.V4Destination });

        return
        [
            CaptureBytes.Pcap(w =>
            {
                w.Write(1, tcp);
                w.Write(2, frames[0]);
                w.Write(3, tcp, originalLength: 1514);
            }),
            CaptureBytes.Pcap(
                w =>
                {
                    w.Write(1_700_000_000_000_000, frames[1]);
                    w.Write(1_700_000_000_000_001, frames[2]);
                },
                LinkType.Raw,
                bigEndian: true,
                nanoseconds: true),
            CaptureBytes.Pcapng(w =>
            {
                w.AddInterface(LinkType.Ethernet, timestampResolution: 9, snapLength: 64, offsetSeconds: 5);
                w.AddInterface(LinkType.Raw, timestampResolution: 0x94);
                w.WriteEnhanced(0, 10, tcp);
                w.WriteOpaqueBlock(5, 12);
                w.WriteEnhanced(1, 20, frames[3]);
                w.WriteSimple(frames[4]);
                w.StartSection();
                w.AddInterface(LinkType.LinuxSll);
                w.WriteEnhanced(0, 30, frames[5]);
            }),
            CaptureBytes.Pcapng(
                w =>
                {
                    w.AddInterface(LinkType.Null, timestampResolution: 6);
                    w.WriteEnhanced(0, 99, frames[0], originalLength: 4000);
                    w.WriteSimple(tcp);
                },
                bigEndian: true),
            CaptureBytes.Concat(
                CaptureBytes.Pcapng(w => w.AddInterface(LinkType.Ethernet)),
                CaptureBytes.Block(2, CaptureBytes.EnhancedBody(0, 77, tcp))),
        ];
    }
}
