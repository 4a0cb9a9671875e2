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

    /// <summary>Share of this second's sources that sent at most two packets; 0 when nothing came in.</summary>
    public readonly double FewPacketSourceShare => In.DistinctPeers == 0 ? 0 : (double)FewPacketSources / In.DistinctPeers;
}
