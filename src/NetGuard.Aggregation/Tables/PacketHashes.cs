using System.Runtime.CompilerServices;
using NetGuard.Core.Packets;

namespace NetGuard.Aggregation.Tables;

/// <summary>
/// The hashes a packet's lookups need (its two hosts and its flow), computed once: ahead of time for
/// the prefetch and again at the lookup would cost more than the hashing saves.
/// </summary>
internal readonly struct PacketHashes
{
    public readonly uint Source;
    public readonly uint Destination;
    public readonly uint Flow;

    /// <summary>The source is the flow's canonical first endpoint (lower address, then lower port).</summary>
    public readonly bool SourceFirst;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public PacketHashes(in PacketRecord packet)
    {
        Source = (uint)packet.Source.GetHashCode();
        Destination = (uint)packet.Destination.GetHashCode();
        SourceFirst = FlowTable.SourceFirst(packet);
        Flow = SourceFirst
            ? FlowTable.Hash(packet.Source, packet.Destination, packet.SourcePort, packet.DestinationPort, packet.Protocol)
            : FlowTable.Hash(packet.Destination, packet.Source, packet.DestinationPort, packet.SourcePort, packet.Protocol);
    }
}
