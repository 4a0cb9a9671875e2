using System.Net;
using NetGuard.Core.Packets;
using NetGuard.Testing.Frames;

namespace NetGuard.Capture.Tests.Support;

/// <summary>
/// Random but valid frames from a seeded <see cref="Random"/>: IPv4/IPv6, VLAN tags, TCP/UDP/ICMP and
/// other protocols, IPv4 options, fragments, IPv6 extension headers, every supported link type.
/// </summary>
internal static class RandomFrames
{
    private static readonly byte[] PlainExtensions = [0, 43, 60];
    private static readonly IpProtocol[] OtherProtocols = [IpProtocol.Gre, IpProtocol.Esp, (IpProtocol)4, (IpProtocol)103, (IpProtocol)250];

    public static GeneratedFrame Next(Random random, int maxPayload = 48)
    {
        var v6 = random.Next(2) == 0;
        var link = PickLink(random, v6);
        var spec = new FrameSpec
        {
            Source = Address(random, v6),
            Destination = Address(random, v6),
            Protocol = PickProtocol(random, v6),
            SourcePort = (ushort)random.Next(65536),
            DestinationPort = (ushort)random.Next(65536),
            TcpFlags = (TcpFlags)random.Next(256),
            IcmpType = (byte)random.Next(256),
            PayloadLength = random.Next(maxPayload + 1),
            Ttl = (byte)random.Next(1, 256),
            VlanIds = link == LinkType.Ethernet ? Vlans(random) : [],
        };
        spec = v6 ? WithIPv6Extras(random, spec) : WithIPv4Extras(random, spec);

        var packet = FrameBuilder.IpPacket(spec);
        var bigEndian = link == LinkType.Loop || (link == LinkType.Null && random.Next(4) == 0);
        byte[] bytes = link switch
        {
            LinkType.Ethernet => FrameBuilder.Ethernet(spec),
            LinkType.LinuxSll => LinkFrames.Sll(packet, v6 ? (ushort)0x86DD : (ushort)0x0800),
            LinkType.LinuxSll2 => LinkFrames.Sll2(packet, v6 ? (ushort)0x86DD : (ushort)0x0800),
            LinkType.Null or LinkType.Loop => LinkFrames.Loopback(packet, v6 ? 24u : 2u, bigEndian),
            _ => packet,
        };
        return new GeneratedFrame(link, bigEndian, spec, bytes);
    }

    private static LinkType PickLink(Random random, bool v6)
    {
        var roll = random.Next(100);
        return roll switch
        {
            < 55 => LinkType.Ethernet,
            < 63 => LinkType.LinuxSll,
            < 71 => LinkType.LinuxSll2,
            < 78 => LinkType.Raw,
            < 81 => LinkType.RawLegacy,
            < 83 => LinkType.RawOpenBsd,
            < 91 => LinkType.Null,
            < 94 => LinkType.Loop,
            _ => v6 ? LinkType.IPv6 : LinkType.IPv4,
        };
    }

    private static IpProtocol PickProtocol(Random random, bool v6) => random.Next(20) switch
    {
        < 8 => IpProtocol.Tcp,
        < 14 => IpProtocol.Udp,
        < 18 => v6 ? IpProtocol.Icmpv6 : IpProtocol.Icmp,
        _ => OtherProtocols[random.Next(OtherProtocols.Length)],
    };

    private static IPAddress Address(Random random, bool v6)
    {
        var bytes = new byte[v6 ? 16 : 4];
        random.NextBytes(bytes);
        return new IPAddress(bytes);
    }

    private static IReadOnlyList<ushort> Vlans(Random random) => random.Next(10) switch
    {
        < 6 => [],
        < 9 => [(ushort)random.Next(1, 4095)],
        _ => [(ushort)random.Next(1, 4095), (ushort)random.Next(1, 4095)],
    };

    private static FrameSpec WithIPv4Extras(Random random, FrameSpec spec)
    {
        if (random.Next(10) < 3)
        {
            spec = spec with { IPv4OptionBytes = 4 * random.Next(1, 11) };
        }

        return random.Next(10) switch
        {
            0 => spec with { MoreFragments = true },
            1 => spec with { MoreFragments = random.Next(2) == 0, FragmentOffset = (ushort)random.Next(1, 8192) },
            _ => spec,
        };
    }

    private static FrameSpec WithIPv6Extras(Random random, FrameSpec spec)
    {
        if (random.Next(10) < 6)
        {
            return spec;
        }

        var headers = new List<byte>();
        var plain = random.Next(4);
        for (var i = 0; i < plain; i++)
        {
            headers.Add(PlainExtensions[random.Next(PlainExtensions.Length)]);
        }

        if (headers.Count == 0 || random.Next(2) == 0)
        {
            headers.Insert(random.Next(headers.Count + 1), 44);
            spec = random.Next(2) == 0
                ? spec with { MoreFragments = true }
                : spec with { MoreFragments = random.Next(2) == 0, FragmentOffset = (ushort)random.Next(1, 8192) };
        }

        return spec with { IPv6ExtensionHeaders = headers };
    }
}
