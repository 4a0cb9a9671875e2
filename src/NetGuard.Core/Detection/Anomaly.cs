using NetGuard.Core.Packets;

namespace NetGuard.Core.Detection;

/// <summary>
/// An alert: what was seen, about whom, how far from normal, by which detector, and when (packet time).
/// The fields are those of the replay contract's "alert" line.
/// </summary>
public sealed record Anomaly(
    long TimeMicros,
    AttackKind Kind,
    NetAddress Subject,
    SubjectRole Role,
    string Metric,
    double Value,
    double Baseline,
    double Score,
    string Detector)
{
    /// <summary>The other end when there is one clear peer (the victim of a flood or scan); null otherwise.</summary>
    public NetAddress? Peer { get; init; }

    /// <summary>Supporting numbers an operator needs (distinct ports, sources, share of spoofed-looking sources...).</summary>
    public IReadOnlyDictionary<string, double> Evidence { get; init; } = new Dictionary<string, double>();
}
