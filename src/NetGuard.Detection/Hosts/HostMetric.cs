namespace NetGuard.Detection.Hosts;

/// <summary>The per-host, per-second series that detection follows.</summary>
public enum HostMetric
{
    OutPackets,
    OutBytes,
    OutSyn,
    OutUdp,
    OutIcmp,
    OutNewFlows,
    OutPorts,
    OutPeers,
    InPackets,
    InBytes,
    InSyn,
    InUdp,
    InIcmp,
    InPeers,
}
