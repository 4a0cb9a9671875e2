using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace NetGuard.Core.Packets;

/// <summary>
/// The fixed header fields of one captured IP packet: everything aggregation needs and nothing else.
/// Filled by the span decoder on the capture thread and carried in pooled batches. It also carries the
/// hashes the aggregator's tables look it up by, computed as the record is built: on the capture thread,
/// which has time to spare, rather than on the aggregation thread, which bounds a replay's speed.
/// 64 bytes.
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

    /// <summary>The source address's hash (<see cref="NetAddress.GetHashCode"/>).</summary>
    public readonly uint SourceHash;

    /// <summary>The destination address's hash.</summary>
    public readonly uint DestinationHash;

    /// <summary>The flow's hash: the same for both directions (<see cref="HashFlow"/> in canonical order).</summary>
    public readonly uint FlowHash;

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
        SourceHash = (uint)source.GetHashCode();
        DestinationHash = (uint)destination.GetHashCode();
        FlowHash = SourceIsFirst
            ? HashFlow(SourceHash, DestinationHash, sourcePort, destinationPort, protocol)
            : HashFlow(DestinationHash, SourceHash, destinationPort, sourcePort, protocol);
    }

    /// <summary>The source is the flow's canonical first endpoint: the lower address, then the lower port.</summary>
    public bool SourceIsFirst
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if (Source.High != Destination.High)
            {
                return Source.High < Destination.High;
            }

            if (Source.Low != Destination.Low)
            {
                return Source.Low < Destination.Low;
            }

            return SourcePort <= DestinationPort;
        }
    }

    /// <summary>
    /// The hash of a flow given in canonical order (first endpoint first), from its addresses' (keyed)
    /// hashes: for one pair of hosts, different ports and protocols always give different inputs to the mix.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint HashFlow(uint firstHash, uint secondHash, ushort firstPort, ushort secondPort, IpProtocol protocol) =>
        (uint)Hashing.Mix((((ulong)firstHash << 32) | secondHash) ^ (((ulong)firstPort << 48) | ((ulong)secondPort << 32) | ((ulong)(byte)protocol << 8)));

    public bool IsIPv6 => (Flags & PacketFlags.IPv6) != 0;

    public bool IsFragment => (Flags & PacketFlags.Fragment) != 0;

    public override string ToString() =>
        $"{TimestampMicros} {Protocol} {Source}:{SourcePort} > {Destination}:{DestinationPort} len {IpLength} flags {TcpFlags} {Flags}";
}
