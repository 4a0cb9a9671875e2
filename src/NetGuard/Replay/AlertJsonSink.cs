using NetGuard.Core.Detection;

namespace NetGuard.Replay;

/// <summary>
/// Writes "alert" lines of the replay contract and, for kinds that call for it, a "decision" line
/// proposing to block the source (once per source per replay).
/// </summary>
internal sealed class AlertJsonSink(JsonLines output, BlockProposer proposer) : IAnomalySink
{
    public void OnAnomaly(Anomaly anomaly)
    {
        var w = output.Begin("alert");
        w.WriteString("time", JsonLines.Time(anomaly.TimeMicros));
        w.WriteString("kind", anomaly.Kind.Name());
        w.WriteString("subject", anomaly.Subject.ToString());
        w.WriteString("role", anomaly.Role == SubjectRole.Source ? "source" : "destination");
        w.WriteString("metric", anomaly.Metric);
        w.WriteNumber("value", anomaly.Value);
        w.WriteNumber("baseline", anomaly.Baseline);
        w.WriteNumber("score", anomaly.Score);
        w.WriteString("detector", anomaly.Detector);
        if (anomaly.Peer is { } peer)
        {
            w.WriteString("peer", peer.ToString());
        }

        w.WriteStartObject("evidence");
        foreach (var (key, value) in anomaly.Evidence)
        {
            w.WriteNumber(key, value);
        }

        w.WriteEndObject();
        output.End();

        if (proposer.Propose(anomaly) is { } decision)
        {
            var d = output.Begin("decision");
            d.WriteString("time", JsonLines.Time(decision.TimeMicros));
            d.WriteString("id", decision.Id);
            d.WriteString("action", "block");
            d.WriteString("target", decision.Target);
            d.WriteString("state", "proposed");
            d.WriteString("reason", decision.Reason);
            d.WriteNumber("ttl_s", decision.TtlSeconds);
            output.End();
        }
    }
}
