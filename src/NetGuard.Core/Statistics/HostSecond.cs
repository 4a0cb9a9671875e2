using NetGuard.Core.Packets;

namespace NetGuard.Core.Statistics;

/// <summary>One host's traffic in one second of packet time.</summary>
public struct HostSecond
{
    public NetAddress Host;
    public DirectionCounters In;
    public DirectionCounters Out;

    /// <summary>Sources that sent this host at most two packets this second (the signature of spoofing).</summary>
    public int FewPacketSources;

    /// <summary>The peer this host sent most packets to this second (the victim of a one-source flood).</summary>
    public NetAddress TopDestination;
    public int TopDestinationPackets;

    /// <summary>The peer that sent this host most packets this second.</summary>
    public NetAddress TopSource;
    public int TopSourcePackets;

    /// <summary>Share of this second's sources that sent at most two packets; 0 when nothing came in.</summary>
    public readonly double FewPacketSourceShare => In.DistinctPeers == 0 ? 0 : (double)FewPacketSources / In.DistinctPeers;
}
