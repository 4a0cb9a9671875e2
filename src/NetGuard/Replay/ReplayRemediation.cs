using NetGuard.Core.Detection;
using NetGuard.Core.Statistics;
using NetGuard.Remediation.Engine;

namespace NetGuard.Replay;

/// <summary>
/// The daemon's decision engine, driven inline by replay on packet time with the dry-run enforcer:
/// the decisions replay prints are the ones the daemon would make. Placed before detection in the
/// sink chain, so the clock reads that second when its alerts arrive (decisions carry the alert's time).
/// </summary>
internal sealed class ReplayRemediation(RemediationEngine engine, PacketClock clock) : ISecondSink, IAnomalySink
{
    public void OnSecond(SecondSnapshot snapshot)
    {
        clock.AdvanceTo(DateTimeOffset.FromUnixTimeSeconds(snapshot.Second));

        // The dry-run enforcer completes synchronously, so this does not block on I/O.
        engine.ExpireAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    public void OnAnomaly(Anomaly anomaly) => engine.OnAnomalyAsync(anomaly, CancellationToken.None).GetAwaiter().GetResult();
}
