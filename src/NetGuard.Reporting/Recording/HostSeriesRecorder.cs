using NetGuard.Core.Detection;
using NetGuard.Core.Packets;
using NetGuard.Core.Statistics;

namespace NetGuard.Reporting.Recording;

/// <summary>
/// Per-host series, bounded: the last <see cref="ReportLimits.HistorySeconds"/> of the
/// <see cref="ReportLimits.RecentHosts"/> most recently active profiled hosts (least recent dropped
/// first), and, for the first <see cref="ReportLimits.ChartedHosts"/> hosts to raise an alert, the
/// series of the metrics that fired from those recent seconds to the end. Hosts detection does not
/// profile (spoofed one-packet sources) are never recorded unless they raise an alert.
/// </summary>
internal sealed class HostSeriesRecorder
{
    private readonly ReportSettings _settings;
    private readonly ReportLimits _limits;
    private readonly Dictionary<string, int> _metricIndex;
    private readonly Dictionary<NetAddress, LinkedListNode<HostRecord>> _recent = [];
    private readonly LinkedList<HostRecord> _recency = new();
    private readonly Dictionary<NetAddress, HostRecord> _charted = [];
    private readonly List<HostRecord> _chartOrder = [];

    public HostSeriesRecorder(ReportSettings settings, ReportLimits limits)
    {
        _settings = settings;
        _limits = limits;
        _metricIndex = settings.MetricNames.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
    }

    /// <summary>Charted hosts in the order of their first alert.</summary>
    public IReadOnlyList<HostRecord> Charted => _chartOrder;

    /// <summary>Alerts about hosts beyond <see cref="ReportLimits.ChartedHosts"/>: in the table, not charted.</summary>
    public long AlertsNotCharted { get; private set; }

    public int RecentHosts => _recent.Count;

    public void OnJudged(long second, in HostSecond host, bool profiled, ReadOnlySpan<MetricJudgement> metrics)
    {
        if (_charted.TryGetValue(host.Host, out var charted))
        {
            charted.Record(second, metrics);
        }
        else if (profiled)
        {
            Touch(host.Host).History.Add(second, metrics);
        }
    }

    public void OnAnomaly(Anomaly anomaly)
    {
        if (!_charted.TryGetValue(anomaly.Subject, out var record))
        {
            if (_charted.Count >= _limits.ChartedHosts)
            {
                AlertsNotCharted++;
                return;
            }

            if (_recent.Remove(anomaly.Subject, out var node))
            {
                _recency.Remove(node);
                record = node.Value;
            }
            else
            {
                record = new HostRecord(anomaly.Subject, _settings.MetricNames.Count, _limits);
            }

            _charted.Add(anomaly.Subject, record);
            _chartOrder.Add(record);
        }

        if (_metricIndex.TryGetValue(anomaly.Metric, out var metric))
        {
            record.Chart(metric, _settings.BandSigmas);
        }

        record.MarkAlert(anomaly);
    }

    private HostRecord Touch(in NetAddress address)
    {
        if (_recent.TryGetValue(address, out var node))
        {
            _recency.Remove(node);
            _recency.AddFirst(node);
            return node.Value;
        }

        if (_recent.Count >= _limits.RecentHosts)
        {
            var oldest = _recency.Last!;
            _recency.RemoveLast();
            _recent.Remove(oldest.Value.Address);
        }

        node = _recency.AddFirst(new HostRecord(address, _settings.MetricNames.Count, _limits));
        _recent.Add(address, node);
        return node.Value;
    }
}
