using System.Buffers.Binary;
using NetGuard.Core.Packets;

namespace NetGuard.Testing.Frames;

public static partial class FrameBuilder
{
    /// <summary>Writes the transport header and payload; returns its length. A dry run only measures.</summary>
    private static int WriteTransport(Span<byte> buffer, FrameSpec spec, uint pseudoSum, int pseudoLength, bool dryRun)
    {
        var header = spec.Protocol switch
        {
            IpProtocol.Tcp => 20,
            IpProtocol.Udp => 8,
            IpProtocol.Icmp or IpProtocol.Icmpv6 => 8,
            _ => 0,
        };
        var length = header + spec.PayloadLength;
        if (dryRun)
        {
            return length;
        }

        var t = buffer[..length];
        t.Clear();
        t[header..].Fill(0x5A);
        switch (spec.Protocol)
        {
            case IpProtocol.Tcp:
                BinaryPrimitives.WriteUInt16BigEndian(t, spec.SourcePort);
                BinaryPrimitives.WriteUInt16BigEndian(t[2..], spec.DestinationPort);
                BinaryPrimitives.WriteUInt32BigEndian(t[4..], 1000);
                t[12] = 5 << 4;
                t[13] = (byte)spec.TcpFlags;
                BinaryPrimitives.WriteUInt16BigEndian(t[14..], 64240);
                BinaryPrimitives.WriteUInt16BigEndian(t[16..], Checksum.Fold(pseudoSum + Checksum.Sum(t)));
                break;
            case IpProtocol.Udp:
                BinaryPrimitives.WriteUInt16BigEndian(t, spec.SourcePort);
                BinaryPrimitives.WriteUInt16BigEndian(t[2..], spec.DestinationPort);
                BinaryPrimitives.WriteUInt16BigEndian(t[4..], (ushort)length);
                var udp = Checksum.Fold(pseudoSum + Checksum.Sum(t));
                BinaryPrimitives.WriteUInt16BigEndian(t[6..], udp == 0 ? (ushort)0xFFFF : udp);
                break;
            case IpProtocol.Icmp:
                t[0] = spec.IcmpType;
                BinaryPrimitives.WriteUInt16BigEndian(t[2..], Checksum.Fold(Checksum.Sum(t)));
                break;
            case IpProtocol.Icmpv6:
                t[0] = spec.IcmpType;
                BinaryPrimitives.WriteUInt16BigEndian(t[2..], Checksum.Fold(pseudoSum + Checksum.Sum(t)));
                break;
            default:
                break;
        }

        _ = pseudoLength;
        return length;
    }
}
