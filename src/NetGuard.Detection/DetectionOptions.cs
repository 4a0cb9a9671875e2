using System.ComponentModel.DataAnnotations;

namespace NetGuard.Detection;

/// <summary>
/// Configuration section <c>NetGuard:Detection</c>. An attack is reported when its signature is
/// present above an absolute floor (so a quiet host's jump from 0 to 3 is not a flood) and the
/// value is not normal for that host (once its baseline is warm).
/// </summary>
public sealed class DetectionOptions
{
    public const string Section = "NetGuard:Detection";

    /// <summary>Active seconds before a host is judged against its own baseline rather than the network's.</summary>
    [Range(1, 86400)]
    public int WarmupSeconds { get; set; } = 20;

    /// <summary>Weight of each new second in the baselines (0.05 ≈ the last 20 active seconds).</summary>
    [Range(0.001, 1.0)]
    public double BaselineAlpha { get; set; } = 0.05;

    /// <summary>Standardised distance above baseline that is anomalous in a single second.</summary>
    [Range(1.0, 1000.0)]
    public double SpikeZ { get; set; } = 6;

    /// <summary>Distance above baseline below which a warm host's value is normal and no attack is reported.</summary>
    [Range(0.0, 100.0)]
    public double NormalZ { get; set; } = 3;

    /// <summary>CUSUM allowance k and decision threshold h, in σ units; each second adds min(z, ZCap) − k.</summary>
    /// <remarks>k = 1, h = 8 keep a steady host quiet for days (a false alarm per ~10^5 active seconds on normal data) and still
    /// catch a sustained 4σ shift in 3 seconds.</remarks>
    [Range(0.0, 10.0)]
    public double CusumDrift { get; set; } = 1;

    [Range(0.5, 1000.0)]
    public double CusumThreshold { get; set; } = 8;

    [Range(0.5, 100.0)]
    public double CusumZCap { get; set; } = 4;

    /// <summary>Packets per second above baseline that a SYN, UDP or ICMP flood needs at least.</summary>
    [Range(1, 100_000_000)]
    public int FloodMinRate { get; set; } = 50;

    /// <summary>A flood must also add at least this share of the host's baseline (a 20% busier server is not under attack).</summary>
    [Range(0.0, 100.0)]
    public double FloodMinRatio { get; set; } = 0.5;

    /// <summary>Distinct destination ports of new flows in one second that make a port scan.</summary>
    [Range(2, 65536)]
    public int ScanMinPorts { get; set; } = 20;

    /// <summary>Distinct peers contacted with new flows in one second that make a host sweep.</summary>
    [Range(2, 1_000_000)]
    public int SweepMinPeers { get; set; } = 20;

    /// <summary>New flows per second toward one service, sustained (CUSUM), that make brute force.</summary>
    [Range(1, 1_000_000)]
    public int BruteForceMinFlows { get; set; } = 3;

    /// <summary>Distinct sources in one second toward a victim, and the share of them that sent at most two packets, for a distributed flood.</summary>
    [Range(2, 100_000_000)]
    public int DistributedMinSources { get; set; } = 50;

    [Range(0.0, 1.0)]
    public double DistributedMinFewShare { get; set; } = 0.5;

    /// <summary>Bytes per second above baseline that make a volume spike or changepoint worth an alert.</summary>
    [Range(1, long.MaxValue)]
    public long VolumeMinBytes { get; set; } = 1_000_000;

    /// <summary>Packets a host must send or receive in a second to earn a profile (spoofed one-packet sources never do).</summary>
    [Range(1, 1_000_000)]
    public int ProfileMinPackets { get; set; } = 3;

    [Range(16, 16_777_216)]
    public int MaxTrackedHosts { get; set; } = 65536;

    /// <summary>After an alert, the same kind for the same subject is not raised again for this long.</summary>
    public TimeSpan AlertCooldown { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Static per-second thresholds by network, as FastNetMon has them: a familiar safety net.</summary>
    public IList<ThresholdRule> Thresholds { get; init; } = [];
}
