using System.Net;
using NetGuard.Core.Packets;
using NetGuard.Testing.Files;
using NetGuard.Testing.Frames;
using NetGuard.Testing.Lab;

namespace NetGuard.IntegrationTests;

/// <summary>Known UDP traffic written by the test and sent with tcpreplay from the lab's side A to the daemon's side B.</summary>
internal static class ServiceTraffic
{
    /// <summary>Skips the test unless namespaces and tcpreplay are there.</summary>
    public static void Require()
    {
        if (NetworkLab.Unavailable is { } reason)
        {
            Assert.Skip(reason);
        }

        if (!ProcessRunner.Exists("tcpreplay"))
        {
            Assert.Skip("tcpreplay is not installed (.ci/run installs it)");
        }
    }

    /// <summary>Sends <paramref name="count"/> UDP frames from <paramref name="source"/> to <paramref name="destination"/>; returns their bytes on the wire.</summary>
    public static long SendUdp(NetworkLab lab, string source, string destination, int count)
    {
        using var file = new TempFile();
        long bytes = 0;
        using (var writer = PcapWriter.Create(file.Path))
        {
            for (var i = 0; i < count; i++)
            {
                var frame = FrameBuilder.Ethernet(new FrameSpec
                {
                    Source = IPAddress.Parse(source),
                    Destination = IPAddress.Parse(destination),
                    Protocol = IpProtocol.Udp,
                    SourcePort = 61000,
                    DestinationPort = 53,
                    PayloadLength = i % 100,
                });
                bytes += frame.Length;
                writer.Write((1_700_000_000L * 1_000_000) + i, frame);
            }
        }

        NetworkLab.Exec(lab.NamespaceA, "tcpreplay", "-q", "--topspeed", "-i", lab.InterfaceA, file.Path);
        return bytes;
    }
}
