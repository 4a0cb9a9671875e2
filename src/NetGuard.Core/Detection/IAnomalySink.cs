namespace NetGuard.Core.Detection;

/// <summary>Receives alerts as detection raises them, on the detection thread.</summary>
public interface IAnomalySink
{
    void OnAnomaly(Anomaly anomaly);
}
