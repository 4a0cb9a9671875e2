namespace NetGuard.Core.Detection;

/// <summary>The kinds as the replay contract and syslog spell them.</summary>
public static class AttackKindNames
{
    public static string Name(this AttackKind kind) => kind switch
    {
        AttackKind.SynFlood => "syn-flood",
        AttackKind.UdpFlood => "udp-flood",
        AttackKind.IcmpFlood => "icmp-flood",
        AttackKind.PortScan => "port-scan",
        AttackKind.HostSweep => "host-sweep",
        AttackKind.BruteForce => "brute-force",
        AttackKind.DistributedFlood => "distributed-flood",
        AttackKind.VolumeSpike => "volume-spike",
        AttackKind.Changepoint => "changepoint",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Kinds whose source may be proposed for a block: a single attacker. The others alert only.</summary>
    public static bool BlocksSource(this AttackKind kind) => kind is AttackKind.SynFlood or AttackKind.UdpFlood or AttackKind.IcmpFlood
        or AttackKind.PortScan or AttackKind.HostSweep or AttackKind.BruteForce;

    public static bool TryParse(string? name, out AttackKind kind)
    {
        foreach (var k in Enum.GetValues<AttackKind>())
        {
            if (string.Equals(k.Name(), name, StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
