using System.Net;
using NetGuard.Core.Packets;
using NetGuard.Testing.Files;
using NetGuard.Testing.Frames;

namespace NetGuard.IntegrationTests.Reliability;

/// <summary>
/// A capture file of hostile frames for the live interface: random bytes, and valid frames
/// (IPv4/IPv6, TCP/UDP/ICMP, VLAN tags, extension headers) with flipped bytes, lying length and
/// header-length fields, or cut short. Every frame is at least an Ethernet header (the kernel
/// refuses less) and at most 1,514 bytes. Deterministic for a seed.
/// </summary>
internal static class GarbageFrames
{
    public static void Write(string path, int count, int seed)
    {
        var random = new Random(seed);
        using var writer = PcapWriter.Create(path);
        var time = 1_700_000_000L * 1_000_000;
        for (var i = 0; i < count; i++)
        {
            writer.Write(time + i, Next(random, i % 5));
        }
    }

    private static byte[] Next(Random random, int kind)
    {
        if (kind == 0)
        {
            var noise = new byte[random.Next(14, 1515)];
            random.NextBytes(noise);
            return noise;
        }

        var frame = FrameBuilder.Ethernet(Valid(random));
        switch (kind)
        {
            case 1:
                // Bytes flipped in the headers.
                for (var flips = random.Next(1, 9); flips > 0; flips--)
                {
                    frame[random.Next(12, Math.Min(frame.Length, 96))] = (byte)random.Next(256);
                }

                return frame;
            case 2:
                // Cut anywhere past the Ethernet header.
                return frame[..random.Next(14, frame.Length + 1)];
            case 3:
                // Length fields that lie: IPv4 header length and total length, IPv6 payload length.
                var ip = IpOffset(frame);
                if (ip + 4 <= frame.Length && frame[ip] >> 4 == 4)
                {
                    frame[ip] = (byte)(0x40 | random.Next(16));
                    frame[ip + 2] = (byte)random.Next(256);
                    frame[ip + 3] = (byte)random.Next(256);
                }
                else if (ip + 6 <= frame.Length)
                {
                    frame[ip + 4] = (byte)random.Next(256);
                    frame[ip + 5] = (byte)random.Next(256);
                    frame[ip + 6 < frame.Length ? ip + 6 : ip] = (byte)random.Next(256);
                }

                return frame;
            default:
                // A random EtherType and tag stack in front of random bytes.
                frame[12] = random.Next(3) == 0 ? (byte)0x81 : (byte)random.Next(256);
                frame[13] = (byte)random.Next(256);
                return frame;
        }
    }

    private static FrameSpec Valid(Random random)
    {
        var ipv6 = random.Next(3) == 0;
        var protocol = random.Next(3) switch { 0 => IpProtocol.Tcp, 1 => IpProtocol.Udp, _ => ipv6 ? IpProtocol.Icmpv6 : IpProtocol.Icmp };
        return new FrameSpec
        {
            Source = ipv6 ? IPAddress.Parse($"2001:db8::{random.Next(1, 0xffff):x}") : new IPAddress([198, 51, 100, (byte)random.Next(1, 255)]),
            Destination = ipv6 ? IPAddress.Parse("2001:db8::2") : IPAddress.Parse("192.0.2.2"),
            Protocol = protocol,
            SourcePort = (ushort)random.Next(1024, 65536),
            DestinationPort = (ushort)random.Next(1, 1024),
            PayloadLength = random.Next(0, 200),
            VlanIds = random.Next(4) == 0 ? [(ushort)random.Next(1, 4095)] : [],
            IPv6ExtensionHeaders = ipv6 && random.Next(3) == 0 ? [0, 60] : [],
            IPv4OptionBytes = !ipv6 && random.Next(4) == 0 ? 4 * random.Next(1, 10) : 0,
        };
    }

    private static int IpOffset(byte[] frame)
    {
        var offset = 12;
        while (offset + 2 <= frame.Length && frame[offset] == 0x81 && frame[offset + 1] == 0x00)
        {
            offset += 4;
        }

        return offset + 2;
    }
}
