using System.Runtime.InteropServices;

namespace NetGuard.Core.Packets;

/// <summary>
/// The fixed header fields of one captured IP packet: everything aggregation needs and nothing else.
/// Filled by the span decoder on the capture thread and carried in pooled batches.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public readonly struct PacketRecord
{
    /// <summary>Capture timestamp, microseconds since the Unix epoch.</summary>
    public readonly long TimestampMicros;
    public readonly NetAddress Source;
    public readonly NetAddress Destination;

    /// <summary>Bytes on the wire at the IP layer (the IP header's length field), not the captured length.</summary>
    public readonly int IpLength;
    public readonly ushort SourcePort;
    public readonly ushort DestinationPort;
    public readonly IpProtocol Protocol;
    public readonly TcpFlags TcpFlags;
    public readonly PacketFlags Flags;

    /// <summary>ICMP or ICMPv6 type; zero for other protocols.</summary>
    public readonly byte IcmpType;

    public PacketRecord(
        long timestampMicros,
        NetAddress source,
        NetAddress destination,
        int ipLength,
        IpProtocol protocol,
        ushort sourcePort,
        ushort destinationPort,
        TcpFlags tcpFlags,
        PacketFlags flags,
        byte icmpType)
    {
        TimestampMicros = timestampMicros;
        Source = source;
        Destination = destination;
        IpLength = ipLength;
        Protocol = protocol;
        SourcePort = sourcePort;
        DestinationPort = destinationPort;
        TcpFlags = tcpFlags;
        Flags = flags;
        IcmpType = icmpType;
    }

    public bool IsIPv6 => (Flags & PacketFlags.IPv6) != 0;

    public bool IsFragment => (Flags & PacketFlags.Fragment) != 0;

    public override string ToString() =>
        $"{TimestampMicros} {Protocol} {Source}:{SourcePort} > {Destination}:{DestinationPort} len {IpLength} flags {TcpFlags} {Flags}";
}
