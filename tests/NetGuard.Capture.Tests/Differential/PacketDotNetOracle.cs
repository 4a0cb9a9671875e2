using NetGuard.Core.Packets;
using PacketDotNet;

namespace NetGuard.Capture.Tests.Differential;

/// <summary>Decodes a frame with PacketDotNet 1.4.8, the reference decoder, and reads the fields NetGuard's decoder extracts.</summary>
internal static class PacketDotNetOracle
{
    /// <summary>
    /// PacketDotNet's link layer for a frame, or null where PacketDotNet 1.4.8 throws NotImplementedException:
    /// LINKTYPE_IPV4/IPV6 (228/229), LINKTYPE_LOOP (108), OpenBSD's DLT_RAW (14, not in its enum), and DLT_NULL
    /// written big-endian (it reads the family only as little-endian).
    /// </summary>
    public static LinkLayers? LinkLayerFor(LinkType link, ReadOnlySpan<byte> frame) => link switch
    {
        LinkType.Ethernet => LinkLayers.Ethernet,
        LinkType.LinuxSll => LinkLayers.LinuxSll,
        LinkType.LinuxSll2 => LinkLayers.LinuxSll2,
        LinkType.Raw => LinkLayers.Raw,
        LinkType.RawLegacy => LinkLayers.RawLegacy,
        LinkType.Null when frame.Length >= 4 && frame[0] != 0 => LinkLayers.Null,
        _ => null,
    };

    /// <summary>Returns null when PacketDotNet found no IP packet (non-IP frame, or it could not parse).</summary>
    public static ReferenceFields? Read(LinkLayers link, byte[] frame)
    {
        var ip = Packet.ParsePacket(link, frame).Extract<IPPacket>();
        if (ip is null)
        {
            return null;
        }

        var v6 = ip as IPv6Packet;
        var fragment = false;
        var fragmentAfterAnother = false;
        if (v6 is not null)
        {
            for (var i = 0; i < v6.ExtensionHeaders.Count; i++)
            {
                if (v6.ExtensionHeaders[i] is IPv6FragmentationExtensionHeader)
                {
                    fragment = true;
                    fragmentAfterAnother |= i > 0;
                }
            }
        }
        else
        {
            var v4 = (IPv4Packet)ip;
            fragment = (v4.FragmentFlags & 0x1) != 0 || v4.FragmentOffset != 0; // flags are the 3 bits: reserved, DF, MF
        }

        ushort? sourcePort = null;
        ushort? destinationPort = null;
        TcpFlags? tcpFlags = null;
        byte? icmpType = null;

        // The IP packet's own payload, not Extract<>: a tunnelled packet's ports are not the outer packet's.
        switch (ip.PayloadPacket)
        {
            case TcpPacket tcp:
                sourcePort = tcp.SourcePort;
                destinationPort = tcp.DestinationPort;
                tcpFlags = (TcpFlags)(byte)tcp.Flags; // its Flags also carries the NS bit of the byte before
                break;
            case UdpPacket udp:
                sourcePort = udp.SourcePort;
                destinationPort = udp.DestinationPort;
                break;
            case IcmpV4Packet icmp:
                icmpType = (byte)((ushort)icmp.TypeCode >> 8); // TypeCode is type << 8 | code
                break;
            case IcmpV6Packet icmp6:
                icmpType = (byte)icmp6.Type;
                break;
            default:
                break;
        }

        return new ReferenceFields(
            NetAddress.FromIPAddress(ip.SourceAddress),
            NetAddress.FromIPAddress(ip.DestinationAddress),
            (IpProtocol)(byte)ip.Protocol,
            v6 is not null,
            fragment,
            sourcePort,
            destinationPort,
            tcpFlags,
            icmpType,
            fragmentAfterAnother);
    }
}
