using Microsoft.Extensions.Logging;
using NetGuard.Core.Detection;

namespace NetGuard.Hosting;

/// <summary>Logs every alert with its evidence as structured properties (the syslog sink carries them as structured data).</summary>
internal sealed partial class AlertLogSink(ILogger logger) : IAnomalySink
{
    public void OnAnomaly(Anomaly anomaly)
    {
        var kind = anomaly.Kind.Name();
        var subject = anomaly.Subject.ToString();
        var role = anomaly.Role == SubjectRole.Source ? "source" : "destination";
        var peer = anomaly.Peer?.ToString() ?? "-";
        LogAlert(logger, kind, subject, role, peer, anomaly.Metric, anomaly.Value, anomaly.Baseline, anomaly.Score, anomaly.Detector);
    }

    [LoggerMessage(EventId = 200, Level = LogLevel.Warning,
        Message = "ALERT {Kind} {Subject} ({Role}) peer {Peer}: {Metric} {Value} vs baseline {Baseline}, score {Score} [{Detector}]")]
    private static partial void LogAlert(ILogger logger, string kind, string subject, string role, string peer, string metric, double value, double baseline, double score, string detector);
}
