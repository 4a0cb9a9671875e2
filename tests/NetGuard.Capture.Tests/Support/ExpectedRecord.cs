using System.Net.Sockets;
using NetGuard.Core.Packets;
using NetGuard.Testing.Frames;

namespace NetGuard.Capture.Tests.Support;

/// <summary>The record a correct decoder returns for a frame FrameBuilder wrote from a spec, worked out from the spec alone.</summary>
internal static class ExpectedRecord
{
    public static PacketRecord For(GeneratedFrame frame, long timestampMicros)
    {
        var spec = frame.Spec;
        var v6 = spec.Source.AddressFamily == AddressFamily.InterNetworkV6;
        var extensions = spec.IPv6ExtensionHeaders;
        var fragmentIndex = v6 ? IndexOf(extensions, 44) : -1;
        var fragment = v6 ? fragmentIndex >= 0 : spec.MoreFragments || spec.FragmentOffset != 0;
        var later = fragment && spec.FragmentOffset != 0;

        var protocol = spec.Protocol;
        if (later && v6 && fragmentIndex < extensions.Count - 1)
        {
            // A later IPv6 fragment reports the header that follows the fragment header.
            protocol = (IpProtocol)extensions[fragmentIndex + 1];
        }

        var transportHeader = later ? 0 : spec.Protocol switch
        {
            IpProtocol.Tcp => 20,
            IpProtocol.Udp or IpProtocol.Icmp or IpProtocol.Icmpv6 => 8,
            _ => 0,
        };
        var ipHeader = v6 ? 40 + (8 * extensions.Count) : 20 + ((spec.IPv4OptionBytes + 3) & ~3);
        var ports = !later && spec.Protocol is IpProtocol.Tcp or IpProtocol.Udp;

        var flags = (v6 ? PacketFlags.IPv6 : PacketFlags.None)
            | (frame.Link == LinkType.Ethernet && spec.VlanIds.Count > 0 ? PacketFlags.Vlan : PacketFlags.None)
            | (fragment ? PacketFlags.Fragment : PacketFlags.None)
            | (later ? PacketFlags.LaterFragment : PacketFlags.None);

        return new PacketRecord(
            timestampMicros,
            NetAddress.FromIPAddress(spec.Source),
            NetAddress.FromIPAddress(spec.Destination),
            ipHeader + transportHeader + spec.PayloadLength,
            protocol,
            ports ? spec.SourcePort : (ushort)0,
            ports ? spec.DestinationPort : (ushort)0,
            !later && spec.Protocol == IpProtocol.Tcp ? spec.TcpFlags : TcpFlags.None,
            flags,
            !later && spec.Protocol is IpProtocol.Icmp or IpProtocol.Icmpv6 ? spec.IcmpType : (byte)0);
    }

    private static int IndexOf(IReadOnlyList<byte> list, byte value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }

        return -1;
    }
}
