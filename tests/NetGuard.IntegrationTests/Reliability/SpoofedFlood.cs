using System.Buffers.Binary;
using System.Net;
using NetGuard.Core.Packets;
using NetGuard.Testing.Files;
using NetGuard.Testing.Frames;

namespace NetGuard.IntegrationTests.Reliability;

/// <summary>
/// A spoofed-source SYN flood as a capture file, streamed straight to disk: minimal 54-byte frames
/// (Ethernet, IPv4, TCP) toward one victim, each from a different source address (11.0.0.0 + i)
/// and source port, <paramref name="pps"/> packets a second of packet time. 70 bytes a packet on disk.
/// </summary>
internal static class SpoofedFlood
{
    public const int FrameBytes = 54;

    public static void Write(string path, long packets, int pps = 1_000_000)
    {
        var frame = FrameBuilder.Ethernet(new FrameSpec
        {
            Source = IPAddress.Parse("11.0.0.0"),
            Destination = IPAddress.Parse("192.0.2.10"),
            Protocol = IpProtocol.Tcp,
            SourcePort = 1024,
            DestinationPort = 80,
            TcpFlags = TcpFlags.Syn,
        });
        if (frame.Length != FrameBytes)
        {
            throw new InvalidOperationException($"expected a {FrameBytes}-byte frame, got {frame.Length}");
        }

        var start = 1_700_000_000L * 1_000_000;
        using var writer = PcapWriter.Create(path);
        for (long i = 0; i < packets; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(26), 0x0B00_0000u + (uint)i);
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(34), (ushort)(1024 + (i % 60000)));
            writer.Write(start + (i * 1_000_000 / pps), frame);
        }
    }

    /// <summary>Free bytes where <paramref name="path"/> will be written.</summary>
    public static long FreeBytes(string path) => new DriveInfo(Path.GetPathRoot(Path.GetFullPath(path))!).AvailableFreeSpace;
}
