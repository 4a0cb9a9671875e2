using System.Runtime.CompilerServices;
using NetGuard.Core.Packets;

namespace NetGuard.Detection.Hosts;

/// <summary>
/// One host's learned behaviour: a baseline and a CUSUM statistic per metric, over the seconds it was
/// active. A struct with its metrics inline (472 bytes in one piece), held in <see cref="HostProfileTable"/>'s
/// array: judging a host reads one block that can be prefetched, not three objects scattered on the heap.
/// </summary>
internal struct HostProfile
{
    public NetAddress Address;

    /// <summary>Seconds in which the host was active (seen), which is what its baselines average over.</summary>
    public int ActiveSeconds;

    public MetricBaselines Baselines;

    public MetricValues Cusum;
}

/// <summary>One <see cref="EwmaBaseline"/> per <see cref="HostMetric"/>, inline.</summary>
[InlineArray(HostMetrics.Count)]
internal struct MetricBaselines
{
    private EwmaBaseline _first;
}

/// <summary>One number per <see cref="HostMetric"/>, inline.</summary>
[InlineArray(HostMetrics.Count)]
internal struct MetricValues
{
    private double _first;
}
