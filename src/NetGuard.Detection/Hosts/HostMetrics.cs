using NetGuard.Core.Statistics;

namespace NetGuard.Detection.Hosts;

/// <summary>Reads a metric from a host-second and names it as alerts do ("out.syn", "in.peers").</summary>
public static class HostMetrics
{
    public const int Count = (int)HostMetric.InPeers + 1;

    private static readonly string[] Names =
    [
        "out.packets", "out.bytes", "out.syn", "out.udp", "out.icmp", "out.new_flows", "out.ports", "out.peers",
        "in.packets", "in.bytes", "in.syn", "in.udp", "in.icmp", "in.peers",
    ];

    public static string Name(this HostMetric metric) => Names[(int)metric];

    /// <summary>Every metric's name in the order of <see cref="HostMetric"/> (the order judgements are published in).</summary>
    public static IReadOnlyList<string> AllNames { get; } = Array.AsReadOnly(Names);

    public static double Value(in HostSecond h, HostMetric metric) => metric switch
    {
        HostMetric.OutPackets => h.Out.Packets,
        HostMetric.OutBytes => h.Out.Bytes,
        HostMetric.OutSyn => h.Out.Syn,
        HostMetric.OutUdp => h.Out.Udp,
        HostMetric.OutIcmp => h.Out.Icmp,
        HostMetric.OutNewFlows => h.Out.NewFlows,
        HostMetric.OutPorts => h.Out.DistinctPorts,
        HostMetric.OutPeers => h.Out.DistinctPeers,
        HostMetric.InPackets => h.In.Packets,
        HostMetric.InBytes => h.In.Bytes,
        HostMetric.InSyn => h.In.Syn,
        HostMetric.InUdp => h.In.Udp,
        HostMetric.InIcmp => h.In.Icmp,
        HostMetric.InPeers => h.In.DistinctPeers,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, null),
    };
}
