using System.Runtime.CompilerServices;
using NetGuard.Core.Packets;

namespace NetGuard.Aggregation.Tables;

/// <summary>
/// The hashes a packet's lookups need (its two hosts and its flow), computed once: ahead of time for
/// the prefetch and again at the lookup would cost more than the hashing saves. Mutable so that
/// <see cref="Set"/> can write in place into the aggregator's ring: building a new value and copying it
/// in made the copy's wide load wait on the narrow stores just before it (a tenth of the batch loop).
/// </summary>
internal struct PacketHashes
{
    public uint Source;
    public uint Destination;
    public uint Flow;

    /// <summary>The source is the flow's canonical first endpoint (lower address, then lower port).</summary>
    public bool SourceFirst;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public PacketHashes(in PacketRecord packet) => Set(packet);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Set(in PacketRecord packet)
    {
        Source = (uint)packet.Source.GetHashCode();
        Destination = (uint)packet.Destination.GetHashCode();
        SourceFirst = FlowTable.SourceFirst(packet);
        Flow = SourceFirst
            ? FlowTable.Hash(packet.Source, packet.Destination, packet.SourcePort, packet.DestinationPort, packet.Protocol)
            : FlowTable.Hash(packet.Destination, packet.Source, packet.DestinationPort, packet.SourcePort, packet.Protocol);
    }
}
