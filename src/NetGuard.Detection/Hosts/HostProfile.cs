using NetGuard.Core.Packets;

namespace NetGuard.Detection.Hosts;

/// <summary>One host's learned behaviour: a baseline and a CUSUM statistic per metric, over the seconds it was active.</summary>
internal sealed class HostProfile
{
    public HostProfile(NetAddress address) => Address = address;

    public NetAddress Address { get; }

    public EwmaBaseline[] Baselines { get; } = new EwmaBaseline[HostMetrics.Count];

    public double[] Cusum { get; } = new double[HostMetrics.Count];

    /// <summary>Seconds in which the host was active (seen), which is what its baselines average over.</summary>
    public int ActiveSeconds { get; set; }

    public long LastSecond { get; set; }
}
