using System.Globalization;
using System.Net;
using NetGuard.Core.Packets;
using NetGuard.Testing.Files;
using NetGuard.Testing.Frames;

namespace NetGuard.Tests;

/// <summary>
/// A generated capture with a known flood: 40 seconds of a web server with 30 clients a second, and
/// from second 35 (2023-11-14T22:13:55Z) 1,000 SYN a second from 203.0.113.66 to it.
/// </summary>
internal static class FloodCapture
{
    public const long EpochSeconds = 1_700_000_000L;
    public const long FloodSecond = EpochSeconds + 35;
    public const string Attacker = "203.0.113.66";
    public const string Server = "10.0.0.1";
    private const long Epoch = EpochSeconds * 1_000_000;

    public static void Write(string path)
    {
        var random = new Random(3);
        using var writer = PcapWriter.Create(path);
        for (var s = 0; s < 40; s++)
        {
            for (var c = 0; c < 30; c++)
            {
                var client = string.Create(CultureInfo.InvariantCulture, $"10.1.0.{random.Next(1, 200)}");
                var port = (ushort)random.Next(32768, 60000);
                var t = Epoch + (s * 1_000_000L) + (c * 30_000);
                writer.Write(t, FrameBuilder.Ethernet(Tcp(client, port, Server, 443, TcpFlags.Syn)));
                writer.Write(t + 100, FrameBuilder.Ethernet(Tcp(Server, 443, client, port, TcpFlags.Syn | TcpFlags.Ack)));
                writer.Write(t + 200, FrameBuilder.Ethernet(Tcp(client, port, Server, 443, TcpFlags.Ack)));
            }

            if (s >= 35)
            {
                for (var i = 0; i < 1000; i++)
                {
                    writer.Write(Epoch + (s * 1_000_000L) + 950_000 + (i * 40), FrameBuilder.Ethernet(Tcp(Attacker, (ushort)(1024 + i), Server, 443, TcpFlags.Syn)));
                }
            }
        }
    }

    private static FrameSpec Tcp(string source, ushort sport, string destination, ushort dport, TcpFlags flags) => new()
    {
        Source = IPAddress.Parse(source),
        Destination = IPAddress.Parse(destination),
        SourcePort = sport,
        DestinationPort = dport,
        TcpFlags = flags,
    };
}
