using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using NetGuard.Core.Packets;

namespace NetGuard.Capture.Decoding;

/// <summary>
/// Zero-allocation decoder of the fixed header fields of one frame. Never throws on frame content:
/// anything it cannot read is reported as a <see cref="DecodeStatus"/> and counted by the caller.
/// </summary>
public static partial class PacketDecoder
{
    private const int MaxVlanTags = 8;
    private const int MaxIPv6ExtensionHeaders = 16;

    /// <summary>Decodes a frame captured on a link of type <paramref name="link"/>.</summary>
    public static DecodeStatus Decode(LinkType link, ReadOnlySpan<byte> frame, long timestampMicros, out PacketRecord record)
    {
        record = default;
        switch (link)
        {
            case LinkType.Ethernet:
                return DecodeEthernet(frame, timestampMicros, out record);
            case LinkType.Raw:
            case LinkType.RawLegacy:
            case LinkType.RawOpenBsd:
                return DecodeRawIp(frame, timestampMicros, PacketFlags.None, out record);
            case LinkType.IPv4:
                return DecodeIPv4(frame, timestampMicros, PacketFlags.None, out record);
            case LinkType.IPv6:
                return DecodeIPv6(frame, timestampMicros, PacketFlags.None, out record);
            case LinkType.LinuxSll:
                // 16-byte header; the protocol (an EtherType) is its last two bytes.
                return frame.Length < 16
                    ? DecodeStatus.Truncated
                    : DecodeEtherType(BinaryPrimitives.ReadUInt16BigEndian(frame[14..]), frame[16..], timestampMicros, PacketFlags.None, out record);
            case LinkType.LinuxSll2:
                // 20-byte header; the protocol is its first two bytes.
                return frame.Length < 20
                    ? DecodeStatus.Truncated
                    : DecodeEtherType(BinaryPrimitives.ReadUInt16BigEndian(frame), frame[20..], timestampMicros, PacketFlags.None, out record);
            case LinkType.Null:
            case LinkType.Loop:
                return DecodeLoopback(link, frame, timestampMicros, out record);
            default:
                return DecodeStatus.UnsupportedLinkType;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static DecodeStatus DecodeEthernet(ReadOnlySpan<byte> frame, long ts, out PacketRecord record)
    {
        if (frame.Length < 14)
        {
            record = default;
            return DecodeStatus.Truncated;
        }

        return DecodeEtherType(BinaryPrimitives.ReadUInt16BigEndian(frame[12..]), frame[14..], ts, PacketFlags.None, out record);
    }

    private static DecodeStatus DecodeEtherType(ushort etherType, ReadOnlySpan<byte> payload, long ts, PacketFlags flags, out PacketRecord record)
    {
        for (var tags = 0; ; tags++)
        {
            switch (etherType)
            {
                case 0x0800:
                    return DecodeIPv4(payload, ts, flags, out record);
                case 0x86DD:
                    return DecodeIPv6(payload, ts, flags, out record);
                case 0x8100 or 0x88A8 or 0x9100:
                    if (tags == MaxVlanTags)
                    {
                        record = default;
                        return DecodeStatus.Malformed;
                    }

                    if (payload.Length < 4)
                    {
                        record = default;
                        return DecodeStatus.Truncated;
                    }

                    flags |= PacketFlags.Vlan;
                    etherType = BinaryPrimitives.ReadUInt16BigEndian(payload[2..]);
                    payload = payload[4..];
                    break;
                default:
                    record = default;
                    return DecodeStatus.NotIp;
            }
        }
    }

    private static DecodeStatus DecodeRawIp(ReadOnlySpan<byte> packet, long ts, PacketFlags flags, out PacketRecord record)
    {
        if (packet.IsEmpty)
        {
            record = default;
            return DecodeStatus.Truncated;
        }

        return (packet[0] >> 4) switch
        {
            4 => DecodeIPv4(packet, ts, flags, out record),
            6 => DecodeIPv6(packet, ts, flags, out record),
            _ => Fail(DecodeStatus.Malformed, out record),
        };
    }

    private static DecodeStatus DecodeLoopback(LinkType link, ReadOnlySpan<byte> frame, long ts, out PacketRecord record)
    {
        if (frame.Length < 4)
        {
            return Fail(DecodeStatus.Truncated, out record);
        }

        // DLT_NULL stores the family in the byte order of the host that captured; try both.
        var family = BinaryPrimitives.ReadUInt32BigEndian(frame);
        if (link == LinkType.Null && family > 0xFFFF)
        {
            family = BinaryPrimitives.ReverseEndianness(family);
        }

        return family switch
        {
            2 => DecodeIPv4(frame[4..], ts, PacketFlags.None, out record),
            24 or 28 or 30 => DecodeIPv6(frame[4..], ts, PacketFlags.None, out record),
            _ => Fail(DecodeStatus.NotIp, out record),
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static DecodeStatus Fail(DecodeStatus status, out PacketRecord record)
    {
        record = default;
        return status;
    }
}
