using System.Buffers.Binary;
using NetGuard.Core.Packets;
using NetGuard.Testing.Frames;

namespace NetGuard.Benchmarks.Generation;

/// <summary>
/// Writing one frame: copy the direction's header template, patch lengths, sequence numbers and
/// flags, and recompute every checksum so that tools which verify them accept the file. The payload
/// is constant filler already in the buffer, so its share of a checksum is computed, not summed.
/// </summary>
internal sealed partial class TrafficGenerator
{
    private const byte Filler = 0x5A;

    /// <summary>Bytes at the start of the buffer that headers may use; beyond it the buffer is always filler.</summary>
    private const int HeaderRoom = 96;
    private const int ArpLength = 42;

    private readonly byte[] _frame = new byte[MaxFrameLength];
    private ushort _ipId;

    private int Write(SyntheticFlow flow, bool forward, int payload, TcpFlags tcpFlags, byte icmpType = 0)
    {
        var template = forward ? flow.Forward : flow.Reverse;
        var frame = _frame.AsSpan();
        template.CopyTo(frame);
        frame[template.Length..HeaderRoom].Fill(Filler);

        var ip = flow.IpOffset;
        var l4 = flow.TransportOffset;
        var transportHeader = template.Length - l4;
        var l4Length = transportHeader + payload;
        if (flow.IPv6)
        {
            BinaryPrimitives.WriteUInt16BigEndian(frame[(ip + 4)..], (ushort)l4Length);
        }
        else
        {
            var header = frame.Slice(ip, 20);
            BinaryPrimitives.WriteUInt16BigEndian(header[2..], (ushort)(20 + l4Length));
            BinaryPrimitives.WriteUInt16BigEndian(header[4..], _ipId++);
            BinaryPrimitives.WriteUInt16BigEndian(header[10..], 0);
            BinaryPrimitives.WriteUInt16BigEndian(header[10..], Checksum.Fold(Checksum.Sum(header)));
        }

        var t = frame.Slice(l4, transportHeader);
        var payloadSum = FillerSum(payload);
        switch (flow.Protocol)
        {
            case IpProtocol.Tcp:
                var seq = forward ? flow.ClientSequence : flow.ServerSequence;
                var ack = forward ? flow.ServerSequence : flow.ClientSequence;
                BinaryPrimitives.WriteUInt32BigEndian(t[4..], seq);
                BinaryPrimitives.WriteUInt32BigEndian(t[8..], (tcpFlags & TcpFlags.Ack) != 0 ? ack : 0);
                t[13] = (byte)tcpFlags;
                BinaryPrimitives.WriteUInt16BigEndian(t[16..], 0);
                BinaryPrimitives.WriteUInt16BigEndian(t[16..], Checksum.Fold(flow.PseudoSum + (uint)l4Length + Checksum.Sum(t) + payloadSum));
                var advance = (uint)payload + ((tcpFlags & (TcpFlags.Syn | TcpFlags.Fin)) != 0 ? 1u : 0u);
                if (forward)
                {
                    flow.ClientSequence += advance;
                }
                else
                {
                    flow.ServerSequence += advance;
                }

                break;
            case IpProtocol.Udp:
                BinaryPrimitives.WriteUInt16BigEndian(t[4..], (ushort)l4Length);
                BinaryPrimitives.WriteUInt16BigEndian(t[6..], 0);
                var udp = Checksum.Fold(flow.PseudoSum + (uint)l4Length + Checksum.Sum(t) + payloadSum);
                BinaryPrimitives.WriteUInt16BigEndian(t[6..], udp == 0 ? (ushort)0xFFFF : udp);
                break;
            default:
                t[0] = icmpType;
                BinaryPrimitives.WriteUInt16BigEndian(t[2..], 0);
                BinaryPrimitives.WriteUInt16BigEndian(t[6..], (ushort)flow.Sent);
                var pseudo = flow.IPv6 ? flow.PseudoSum + (uint)l4Length : 0;
                BinaryPrimitives.WriteUInt16BigEndian(t[2..], Checksum.Fold(pseudo + Checksum.Sum(t) + payloadSum));
                break;
        }

        return template.Length + payload;
    }

    private ReadOnlySpan<byte> Arp()
    {
        var frame = _frame.AsSpan();
        frame[..6].Fill(0xFF);
        ReadOnlySpan<byte> sender = [0x02, 0x00, 0x00, 0x00, 0x00, 0x01];
        sender.CopyTo(frame[6..]);
        BinaryPrimitives.WriteUInt16BigEndian(frame[12..], 0x0806);
        var arp = frame.Slice(14, 28);
        BinaryPrimitives.WriteUInt16BigEndian(arp, 1);
        BinaryPrimitives.WriteUInt16BigEndian(arp[2..], 0x0800);
        arp[4] = 6;
        arp[5] = 4;
        BinaryPrimitives.WriteUInt16BigEndian(arp[6..], 1);
        sender.CopyTo(arp[8..]);
        ReadOnlySpan<byte> senderIp = [10, 20, 0, 254];
        senderIp.CopyTo(arp[14..]);
        arp.Slice(18, 6).Clear();
        BinaryPrimitives.WriteUInt32BigEndian(arp[24..], 0x0A140000u | (uint)_random.Next(1, 0x2000));
        frame[ArpLength..HeaderRoom].Fill(Filler);
        return frame[..ArpLength];
    }

    /// <summary>The checksum sum of <paramref name="length"/> filler bytes starting at an even offset.</summary>
    private static uint FillerSum(int length) =>
        ((uint)(length / 2) * ((Filler << 8) | Filler)) + ((length & 1) != 0 ? (uint)Filler << 8 : 0);
}
