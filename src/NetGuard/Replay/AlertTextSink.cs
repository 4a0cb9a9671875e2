using System.Globalization;
using NetGuard.Core.Detection;

namespace NetGuard.Replay;

/// <summary>Alerts as readable lines (replay and capture without --json), on stderr so stdout keeps the summary.</summary>
internal sealed class AlertTextSink(TextWriter output) : IAnomalySink
{
    public void OnAnomaly(Anomaly anomaly)
    {
        var peer = anomaly.Peer is { } p ? $" -> {p}" : "";
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"alert {JsonLines.Time(anomaly.TimeMicros)} {anomaly.Kind.Name()} {anomaly.Subject} ({anomaly.Role.ToString().ToLowerInvariant()}){peer}: {anomaly.Metric} {anomaly.Value:0.##} vs baseline {anomaly.Baseline:0.##}, score {anomaly.Score:0.##} [{anomaly.Detector}]"));
    }
}
