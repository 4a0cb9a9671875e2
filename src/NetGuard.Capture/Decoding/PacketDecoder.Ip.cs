using System.Buffers.Binary;
using NetGuard.Core.Packets;

namespace NetGuard.Capture.Decoding;

public static partial class PacketDecoder
{
    private static DecodeStatus DecodeIPv4(ReadOnlySpan<byte> packet, long ts, PacketFlags flags, out PacketRecord record)
    {
        if (packet.Length < 20)
        {
            return Fail(DecodeStatus.Truncated, out record);
        }

        var versionIhl = packet[0];
        var headerLength = (versionIhl & 0x0F) * 4;
        if (versionIhl >> 4 != 4 || headerLength < 20)
        {
            return Fail(DecodeStatus.Malformed, out record);
        }

        if (packet.Length < headerLength)
        {
            return Fail(DecodeStatus.Truncated, out record);
        }

        int totalLength = BinaryPrimitives.ReadUInt16BigEndian(packet[2..]);
        if (totalLength == 0)
        {
            // Segmentation offload can leave the field zero on locally sent super-packets.
            totalLength = packet.Length;
        }
        else if (totalLength < headerLength)
        {
            return Fail(DecodeStatus.Malformed, out record);
        }

        var fragmentField = BinaryPrimitives.ReadUInt16BigEndian(packet[6..]);
        var fragmentOffset = fragmentField & 0x1FFF;
        if ((fragmentField & 0x2000) != 0 || fragmentOffset != 0)
        {
            flags |= PacketFlags.Fragment;
        }

        var protocol = (IpProtocol)packet[9];
        var source = NetAddress.FromIPv4(packet[12..]);
        var destination = NetAddress.FromIPv4(packet[16..]);
        if (fragmentOffset != 0)
        {
            record = new PacketRecord(ts, source, destination, totalLength, protocol, 0, 0, TcpFlags.None, flags | PacketFlags.LaterFragment, 0);
            return DecodeStatus.Ok;
        }

        // Ethernet pads short frames; the IP length says where the datagram really ends.
        var end = Math.Min(totalLength, packet.Length);
        return DecodeTransport(packet[headerLength..end], ts, source, destination, totalLength, protocol, flags, out record);
    }

    private static DecodeStatus DecodeIPv6(ReadOnlySpan<byte> packet, long ts, PacketFlags flags, out PacketRecord record)
    {
        if (packet.Length < 40)
        {
            return Fail(DecodeStatus.Truncated, out record);
        }

        if (packet[0] >> 4 != 6)
        {
            return Fail(DecodeStatus.Malformed, out record);
        }

        flags |= PacketFlags.IPv6;
        int payloadLength = BinaryPrimitives.ReadUInt16BigEndian(packet[4..]);

        // A zero payload length means a jumbogram (or offload); the captured length is all we know.
        var totalLength = payloadLength == 0 ? packet.Length : 40 + payloadLength;
        var source = NetAddress.FromIPv6(packet[8..]);
        var destination = NetAddress.FromIPv6(packet[24..]);
        var next = packet[6];
        var rest = packet[40..Math.Min(totalLength, packet.Length)];

        // One pass per extension header plus the last one, which reaches the transport header.
        for (var i = 0; i <= MaxIPv6ExtensionHeaders; i++)
        {
            int length;
            switch (next)
            {
                case 0 or 43 or 60: // hop-by-hop, routing, destination options
                    if (rest.Length < 2)
                    {
                        return Fail(DecodeStatus.Truncated, out record);
                    }

                    length = (rest[1] + 1) * 8;
                    break;
                case 51: // authentication header counts in 4-byte units
                    if (rest.Length < 2)
                    {
                        return Fail(DecodeStatus.Truncated, out record);
                    }

                    length = (rest[1] + 2) * 4;
                    break;
                case 44: // fragment
                    if (rest.Length < 8)
                    {
                        return Fail(DecodeStatus.Truncated, out record);
                    }

                    flags |= PacketFlags.Fragment;
                    if ((BinaryPrimitives.ReadUInt16BigEndian(rest[2..]) & 0xFFF8) != 0)
                    {
                        record = new PacketRecord(ts, source, destination, totalLength, (IpProtocol)rest[0], 0, 0, TcpFlags.None, flags | PacketFlags.LaterFragment, 0);
                        return DecodeStatus.Ok;
                    }

                    length = 8;
                    break;
                default:
                    return DecodeTransport(rest, ts, source, destination, totalLength, (IpProtocol)next, flags, out record);
            }

            if (rest.Length < length)
            {
                return Fail(DecodeStatus.Truncated, out record);
            }

            next = rest[0];
            rest = rest[length..];
        }

        return Fail(DecodeStatus.Malformed, out record);
    }

    private static DecodeStatus DecodeTransport(
        ReadOnlySpan<byte> segment,
        long ts,
        NetAddress source,
        NetAddress destination,
        int ipLength,
        IpProtocol protocol,
        PacketFlags flags,
        out PacketRecord record)
    {
        switch (protocol)
        {
            case IpProtocol.Tcp:
                if (segment.Length < 14)
                {
                    return Fail(DecodeStatus.Truncated, out record);
                }

                record = new PacketRecord(
                    ts, source, destination, ipLength, protocol,
                    BinaryPrimitives.ReadUInt16BigEndian(segment),
                    BinaryPrimitives.ReadUInt16BigEndian(segment[2..]),
                    (TcpFlags)segment[13], flags, 0);
                return DecodeStatus.Ok;
            case IpProtocol.Udp:
            case IpProtocol.Sctp:
                if (segment.Length < 4)
                {
                    return Fail(DecodeStatus.Truncated, out record);
                }

                record = new PacketRecord(
                    ts, source, destination, ipLength, protocol,
                    BinaryPrimitives.ReadUInt16BigEndian(segment),
                    BinaryPrimitives.ReadUInt16BigEndian(segment[2..]),
                    TcpFlags.None, flags, 0);
                return DecodeStatus.Ok;
            case IpProtocol.Icmp:
            case IpProtocol.Icmpv6:
                if (segment.IsEmpty)
                {
                    return Fail(DecodeStatus.Truncated, out record);
                }

                record = new PacketRecord(ts, source, destination, ipLength, protocol, 0, 0, TcpFlags.None, flags, segment[0]);
                return DecodeStatus.Ok;
            default:
                record = new PacketRecord(ts, source, destination, ipLength, protocol, 0, 0, TcpFlags.None, flags, 0);
                return DecodeStatus.Ok;
        }
    }
}
