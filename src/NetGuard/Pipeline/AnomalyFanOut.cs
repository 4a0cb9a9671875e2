using NetGuard.Core.Detection;

namespace NetGuard.Pipeline;

/// <summary>Hands each alert to several sinks in order (output first, then remediation).</summary>
internal sealed class AnomalyFanOut(params IAnomalySink[] sinks) : IAnomalySink
{
    public void OnAnomaly(Anomaly anomaly)
    {
        foreach (var sink in sinks)
        {
            sink.OnAnomaly(anomaly);
        }
    }
}
