using NetGuard.Core.Detection;

namespace NetGuard.Detection;

/// <summary>What detection did, for metrics and the replay summary.</summary>
public sealed class DetectionCounters
{
    private readonly long[] _alertsByKind = new long[Enum.GetValues<AttackKind>().Length];

    public long SecondsAssessed { get; internal set; }

    public long HostsTracked { get; internal set; }

    public long HostsEvicted { get; internal set; }

    /// <summary>Findings not reported because the same subject and kind were reported within the cooldown.</summary>
    public long Suppressed { get; internal set; }

    public long Alerts(AttackKind kind) => Interlocked.Read(ref _alertsByKind[(int)kind]);

    public long TotalAlerts => _alertsByKind.Sum();

    internal void Count(AttackKind kind) => Interlocked.Increment(ref _alertsByKind[(int)kind]);
}
