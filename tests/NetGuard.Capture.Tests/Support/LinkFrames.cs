using System.Buffers.Binary;
using NetGuard.Core.Packets;

namespace NetGuard.Capture.Tests.Support;

/// <summary>Wraps an IP packet (from FrameBuilder.IpPacket) in the link headers the decoder supports.</summary>
internal static class LinkFrames
{
    /// <summary>Linux cooked v1: 16 bytes, protocol at 14-15. Bytes 12-13 (inside the address field) hold a decoy EtherType.</summary>
    public static byte[] Sll(ReadOnlySpan<byte> packet, ushort protocol)
    {
        var frame = new byte[16 + packet.Length];
        BinaryPrimitives.WriteUInt16BigEndian(frame, 0);          // packet type: to us
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), 1); // ARPHRD_ETHER
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(4), 6); // address length
        frame.AsSpan(6, 6).Fill(0x02);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(12), Decoy(protocol));
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(14), protocol);
        packet.CopyTo(frame.AsSpan(16));
        return frame;
    }

    /// <summary>Linux cooked v2: 20 bytes, protocol at 0-1. Bytes 14-15 hold a decoy EtherType.</summary>
    public static byte[] Sll2(ReadOnlySpan<byte> packet, ushort protocol)
    {
        var frame = new byte[20 + packet.Length];
        BinaryPrimitives.WriteUInt16BigEndian(frame, protocol);
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4), 3);  // interface index
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(8), 1);  // ARPHRD_ETHER
        frame[10] = 0;                                              // packet type
        frame[11] = 6;                                              // address length
        frame.AsSpan(12, 8).Fill(0x02);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(14), Decoy(protocol));
        packet.CopyTo(frame.AsSpan(20));
        return frame;
    }

    /// <summary>BSD loopback (DLT_NULL / DLT_LOOP): a 4-byte address family in the given byte order.</summary>
    public static byte[] Loopback(ReadOnlySpan<byte> packet, uint family, bool bigEndian)
    {
        var frame = new byte[4 + packet.Length];
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(frame, family);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(frame, family);
        }

        packet.CopyTo(frame.AsSpan(4));
        return frame;
    }

    /// <summary>An Ethernet ARP request (EtherType 0x0806), optionally VLAN-tagged.</summary>
    public static byte[] EthernetArp(bool vlan = false)
    {
        var header = vlan ? 18 : 14;
        var frame = new byte[header + 28];
        frame.AsSpan(0, 6).Fill(0xFF);
        frame.AsSpan(6, 6).Fill(0x02);
        if (vlan)
        {
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(12), 0x8100);
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(14), 42);
        }

        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(header - 2), 0x0806);
        var arp = frame.AsSpan(header);
        BinaryPrimitives.WriteUInt16BigEndian(arp, 1);
        BinaryPrimitives.WriteUInt16BigEndian(arp[2..], 0x0800);
        arp[4] = 6;
        arp[5] = 4;
        BinaryPrimitives.WriteUInt16BigEndian(arp[6..], 1);
        return frame;
    }

    /// <summary>Decodes and returns the status with the record, for terse asserts.</summary>
    public static (DecodeStatus Status, PacketRecord Record) Decode(LinkType link, ReadOnlySpan<byte> frame, long timestampMicros = 1_700_000_000_000_001)
    {
        var status = NetGuard.Capture.Decoding.PacketDecoder.Decode(link, frame, timestampMicros, out var record);
        return (status, record);
    }

    // An IP EtherType other than the real one: a decoder reading the wrong offset misparses the packet.
    private static ushort Decoy(ushort protocol) => protocol == 0x0800 ? (ushort)0x86DD : (ushort)0x0800;
}
