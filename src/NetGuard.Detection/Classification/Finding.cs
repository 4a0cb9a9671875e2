using NetGuard.Core.Detection;
using NetGuard.Core.Packets;
using NetGuard.Detection.Hosts;

namespace NetGuard.Detection.Classification;

/// <summary>What a rule found, before cooldown decides whether it becomes an alert.</summary>
internal readonly record struct Finding(AttackKind Kind, NetAddress Subject, SubjectRole Role, HostMetric Metric, NetAddress? Peer)
{
    /// <summary>Set by a static threshold: the detector is "threshold" and the baseline is the threshold.</summary>
    public double? Threshold { get; init; }

    /// <summary>Names the test that made the call when the rule knows better than the host's assessment.</summary>
    public string? Detector { get; init; }
}
