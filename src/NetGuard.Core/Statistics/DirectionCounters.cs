namespace NetGuard.Core.Statistics;

/// <summary>
/// What one host sent (or received) in one second. A mutable struct on purpose: the aggregator
/// updates it in place in a preallocated array, once per packet.
/// </summary>
public struct DirectionCounters
{
    public long Bytes;
    public int Packets;

    /// <summary>TCP SYN without ACK: connection attempts.</summary>
    public int Syn;
    public int SynAck;
    public int Rst;
    public int Fin;
    public int Udp;

    /// <summary>ICMP and ICMPv6 requests and unsolicited messages: not errors or echo replies, which answer other traffic.</summary>
    public int Icmp;
    public int Fragments;

    /// <summary>Flows this host initiated (out) or that were initiated toward it (in).</summary>
    public int NewFlows;

    /// <summary>Distinct addresses this host sent to (out) or received from (in).</summary>
    public int DistinctPeers;

    /// <summary>Distinct destination ports among the new TCP/UDP/SCTP flows counted in <see cref="NewFlows"/>.</summary>
    public int DistinctPorts;
}
