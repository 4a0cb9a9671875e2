using NetGuard.Capture.Files;
using NetGuard.Capture.Tests.Support;
using NetGuard.Core.Packets;
using NetGuard.Testing;

namespace NetGuard.Capture.Tests.Differential;

/// <summary>NetGuard's span decoder against PacketDotNet, the reference decoder, field by field.</summary>
public class PacketDotNetDifferentialTests
{
    private const int GeneratedFrames = 20_000;

    [Fact]
    public void Decode_EveryPacketOfTheSharedCaptures_AgreesWithPacketDotNet()
    {
        var files = SharedData.PcapFiles();
        if (files.Count == 0)
        {
            Assert.Skip(SharedData.MissingMessage);
        }

        var tally = new DifferentialTally();
        foreach (var path in files)
        {
            using var reader = CaptureFileReader.Open(path);
            while (reader.TryReadNext(out var frame))
            {
                tally.Add(frame.LinkType, frame.Data.ToArray(), frame.TimestampMicros, $"{Path.GetFileName(path)} #{reader.FramesRead}", out _);
            }
        }

        Assert.True(tally.Disagreements == 0, $"{tally.Disagreements} disagreements:\n{string.Join('\n', tally.Messages)}");

        // Nothing skipped: every IP packet compared, every transport header NetGuard read compared.
        Assert.Equal(tally.OursIp, tally.Compared);
        Assert.Equal(tally.OursIp, tally.ProtocolCompared);
        Assert.Equal(tally.OursTransport, tally.TransportCompared);
        Assert.Equal(0, tally.ReferenceUnsupportedLink + tally.ReferenceThrewOnTunnel);
        Assert.True(tally.OursIPv4TcpUdp >= 25_000, $"only {tally.OursIPv4TcpUdp} IPv4 TCP/UDP packets in the shared captures");
        Assert.True(tally.TransportCompared >= tally.OursIPv4TcpUdp);
    }

    [Fact]
    public void Decode_GeneratedMix_MatchesSpecAndAgreesWithPacketDotNet()
    {
        var random = new Random(20240611);
        var tally = new DifferentialTally();
        long unsupportedByReference = 0;
        long fragmentHeaderNotFirst = 0;
        for (var i = 0; i < GeneratedFrames; i++)
        {
            var generated = RandomFrames.Next(random);
            var ts = 1_700_000_000_000_000 + i;
            var status = tally.Add(generated.Link, generated.Bytes, ts, $"generated #{i} {generated.Link} {generated.Spec}", out var ours);

            Assert.Equal(DecodeStatus.Ok, status);
            Assert.Equal(ExpectedRecord.For(generated, ts), ours);

            unsupportedByReference += generated.Link is LinkType.IPv4 or LinkType.IPv6 or LinkType.Loop or LinkType.RawOpenBsd
                || (generated.Link == LinkType.Null && generated.BigEndianFamily) ? 1 : 0;
            var extensions = generated.Spec.IPv6ExtensionHeaders;
            fragmentHeaderNotFirst += extensions.Count > 1 && extensions[0] != 44 && extensions.Contains((byte)44) ? 1 : 0;
        }

        Assert.True(tally.Disagreements == 0, $"{tally.Disagreements} disagreements:\n{string.Join('\n', tally.Messages)}");
        Assert.Equal(unsupportedByReference, tally.ReferenceUnsupportedLink);
        Assert.Equal(GeneratedFrames - tally.ReferenceUnsupportedLink - tally.ReferenceThrewOnTunnel, tally.Compared);
        Assert.True(tally.TransportSkippedFragmentHeaderQuirk <= fragmentHeaderNotFirst);

        // The skips are the documented ones and few: most frames are compared on every field.
        Assert.True(tally.ReferenceThrewOnTunnel < GeneratedFrames / 100, $"PacketDotNet threw on {tally.ReferenceThrewOnTunnel} tunnelled packets");
        Assert.True(tally.Compared > GeneratedFrames * 0.8, $"only {tally.Compared} of {GeneratedFrames} compared");
        Assert.True(tally.TransportCompared > GeneratedFrames * 0.6, $"only {tally.TransportCompared} transport headers compared");
    }
}
