using NetGuard.Core.Detection;
using NetGuard.Core.Packets;

namespace NetGuard.Reporting.Recording;

/// <summary>
/// What the report keeps of one host: its recent seconds, and once it has raised an alert, the full
/// (bucketed) series of every metric that fired, seeded from those recent seconds.
/// </summary>
internal sealed class HostRecord(NetAddress address, int metrics, ReportLimits limits)
{
    private readonly List<MetricSeries> _charted = [];
    private readonly List<Anomaly> _alerts = [];

    public NetAddress Address { get; } = address;

    public JudgementRing History { get; } = new(metrics, limits.HistorySeconds);

    /// <summary>The metrics that fired, in the order they first did.</summary>
    public IReadOnlyList<MetricSeries> Charted => _charted;

    public IReadOnlyList<Anomaly> Alerts => _alerts;

    public long AlertsOmitted { get; private set; }

    public void Record(long second, ReadOnlySpan<MetricJudgement> judged)
    {
        History.Add(second, judged);
        foreach (var series in _charted)
        {
            if (series.Metric < judged.Length)
            {
                series.Add(second, judged[series.Metric]);
            }
        }
    }

    /// <summary>Starts the full series of <paramref name="metric"/>, from the seconds still in the history.</summary>
    public void Chart(int metric, double bandSigmas)
    {
        if (_charted.Any(s => s.Metric == metric))
        {
            return;
        }

        var series = new MetricSeries(metric, limits.SeriesBuckets, bandSigmas);
        History.CopyTo(metric, series);
        _charted.Add(series);
    }

    public void MarkAlert(Anomaly anomaly)
    {
        if (_alerts.Count < limits.AlertsPerHost)
        {
            _alerts.Add(anomaly);
        }
        else
        {
            AlertsOmitted++;
        }
    }
}
