namespace NetGuard.Benchmarks.Generation;

/// <summary>
/// The shape of the synthetic traffic. Defaults follow the capture the project's measured facts
/// were taken on: ~680-byte average frame, 13% IPv6, 10% VLAN-tagged, ~50k concurrent flows.
/// </summary>
internal sealed record TrafficMix
{
    /// <summary>Concurrent conversations; a slot whose flow ends starts a new one (new client port).</summary>
    public int FlowSlots { get; init; } = 50_000;

    public int ClientHosts { get; init; } = 8_192;

    public int ServerHosts { get; init; } = 4_096;

    /// <summary>Share of flows (and so, on average, of packets) over IPv6.</summary>
    public double IPv6Share { get; init; } = 0.13;

    /// <summary>Share of flows carrying one 802.1Q tag.</summary>
    public double VlanShare { get; init; } = 0.10;

    /// <summary>Share of frames that are ARP (non-IP, counted but not decoded).</summary>
    public double ArpShare { get; init; } = 0.002;

    /// <summary>Mean packet rate of the timestamps; gaps are exponential (Poisson arrivals).</summary>
    public double PacketsPerSecond { get; init; } = 250_000;

    /// <summary>Time of the first packet: 2025-03-01T12:00:00Z.</summary>
    public long StartMicros { get; init; } = 1_740_830_400L * 1_000_000;
}
