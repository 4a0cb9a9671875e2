using System.ComponentModel.DataAnnotations;

namespace NetGuard.Aggregation;

/// <summary>
/// Configuration section <c>NetGuard:Aggregation</c>. Every table is bounded so that a spoofed
/// flood with millions of sources cannot exhaust memory; what does not fit is counted.
/// </summary>
public sealed class AggregationOptions
{
    public const string Section = "NetGuard:Aggregation";

    /// <summary>Hosts tracked within one second (about 130 bytes each).</summary>
    [Range(16, 16_777_216)]
    public int MaxHostsPerSecond { get; set; } = 1 << 18;

    /// <summary>Distinct (source, destination) and (host, port) pairs tracked within one second, per table.</summary>
    [Range(16, 67_108_864)]
    public int MaxPairsPerSecond { get; set; } = 1 << 19;

    /// <summary>Flows tracked at once (80 bytes each: a 64-byte entry and its share of the index, allocated at start); the least recently seen is evicted first.</summary>
    [Range(16, 67_108_864)]
    public int MaxFlows { get; set; } = 1 << 19;

    /// <summary>A flow not seen for this long ends.</summary>
    public TimeSpan FlowIdleTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>A flow older than this is split, as NetFlow exporters do.</summary>
    public TimeSpan FlowActiveTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Packets up to this far behind the open second are folded into it; a larger jump back restarts time.</summary>
    public TimeSpan ReorderTolerance { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>On a quiet link, the open second closes when the clock is this far past its end.</summary>
    public TimeSpan IdleGrace { get; set; } = TimeSpan.FromMilliseconds(500);
}
