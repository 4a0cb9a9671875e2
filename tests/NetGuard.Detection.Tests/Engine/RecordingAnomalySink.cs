using NetGuard.Core.Detection;

namespace NetGuard.Detection.Tests.Engine;

internal sealed class RecordingAnomalySink : IAnomalySink
{
    public List<Anomaly> All { get; } = [];

    public void OnAnomaly(Anomaly anomaly) => All.Add(anomaly);

    public IEnumerable<Anomaly> About(string subject) => All.Where(a => a.Subject.ToString() == subject);

    /// <summary>Seconds from <paramref name="start"/> (scenario seconds) to the first alert of that kind about that subject.</summary>
    public long SecondsToDetect(AttackKind kind, string subject, long start)
    {
        var first = All.FirstOrDefault(a => a.Kind == kind && a.Subject.ToString() == subject)
            ?? throw new Xunit.Sdk.XunitException($"no {kind.Name()} alert about {subject}; alerts: {string.Join("; ", All.Select(a => $"{a.Kind.Name()} {a.Subject}@{(a.TimeMicros / 1_000_000) - Traffic.Epoch}"))}");
        return (first.TimeMicros / 1_000_000) - Traffic.Epoch - start;
    }
}
