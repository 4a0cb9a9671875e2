using NetGuard.Core.Detection;

namespace NetGuard.Benchmarks.Pipeline;

/// <summary>Counts anomalies instead of writing them, so that detection is measured and not its output.</summary>
internal sealed class CountingAnomalySink : IAnomalySink
{
    public long Anomalies { get; private set; }

    public void OnAnomaly(Anomaly anomaly) => Anomalies++;
}
