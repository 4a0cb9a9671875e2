namespace NetGuard.Core.Detection;

/// <summary>What an alert says is happening; <see cref="AttackKindNames"/> gives the contract's spelling.</summary>
public enum AttackKind
{
    SynFlood,
    UdpFlood,
    IcmpFlood,
    PortScan,
    HostSweep,
    BruteForce,

    /// <summary>Many sources with few packets each toward one victim: alert on the victim, never block the sources.</summary>
    DistributedFlood,

    /// <summary>Unusual volume without an attack signature: alert only, never block.</summary>
    VolumeSpike,

    /// <summary>A lasting change of level without an attack signature: alert only, never block.</summary>
    Changepoint,
}
