using NetGuard.Core.Detection;

namespace NetGuard.Replay;

/// <summary>Writes "alert" lines of the replay contract.</summary>
internal sealed class AlertJsonSink(JsonLines output) : IAnomalySink
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
    }
}
