using NetGuard.Core.Statistics;

namespace NetGuard.Core.Detection;

/// <summary>
/// Sees every host-second as detection judged it (replay's report). Optional: detection does this
/// work only when a sink is attached. Called on the detection thread.
/// </summary>
public interface IJudgementSink
{
    /// <summary>
    /// Called once per host and second, after that host-second's alerts and before detection learns
    /// from it. <paramref name="metrics"/> is in the order of detection's metric names and valid only
    /// during the call; <paramref name="profiled"/> says whether detection keeps a profile of the host.
    /// </summary>
    void OnJudged(long second, in HostSecond host, bool profiled, ReadOnlySpan<MetricJudgement> metrics);
}
