using NetGuard.Core.Detection;
using NetGuard.Core.Remediation;
using NetGuard.Core.Statistics;
using NetGuard.Reporting.Recording;
using NetGuard.Reporting.Rendering;

namespace NetGuard.Reporting;

/// <summary>
/// Records what an HTML report of a replay needs, in memory bounded by <see cref="ReportLimits"/>:
/// attach it as a second sink (before detection), an alert sink, a decision sink and detection's
/// judgement sink; when the replay ends, <see cref="WriteHtml"/>. Runs on the aggregation thread.
/// </summary>
public sealed class ReportRecorder : ISecondSink, IAnomalySink, IDecisionSink, IJudgementSink
{
    private readonly ReportSettings _settings;
    private readonly ReportLimits _limits;
    private readonly TimelineRecorder _timeline;
    private readonly EventLog _events;
    private readonly HostSeriesRecorder _hosts;

    public ReportRecorder(ReportSettings settings, ReportLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _limits = limits ?? new ReportLimits();
        _timeline = new TimelineRecorder(_limits);
        _events = new EventLog(_limits);
        _hosts = new HostSeriesRecorder(settings, _limits);
    }

    public void OnSecond(SecondSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        _timeline.OnSecond(snapshot);
    }

    public void OnAnomaly(Anomaly anomaly)
    {
        ArgumentNullException.ThrowIfNull(anomaly);
        _events.OnAnomaly(anomaly);
        _hosts.OnAnomaly(anomaly);
    }

    public void OnDecision(Decision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        _events.OnDecision(decision);
    }

    public void OnNotice(string message) => _events.OnNotice(message);

    public void OnJudged(long second, in HostSecond host, bool profiled, ReadOnlySpan<MetricJudgement> metrics) =>
        _hosts.OnJudged(second, host, profiled, metrics);

    /// <summary>Writes the self-contained HTML page (inline SVG and CSS, no script, nothing fetched).</summary>
    public void WriteHtml(TextWriter writer, ReportSummary summary)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(summary);
        ReportPage.Write(writer, Content(summary), _limits);
    }

    internal ReportContent Content(ReportSummary summary)
    {
        long? end = _timeline.LastSecond + 1;
        IReadOnlyList<SeriesPoint> packets = [], bytes = [];
        if (end is { } e)
        {
            packets = _timeline.Packets.PointsWithZeros(e);
            bytes = _timeline.Bytes.PointsWithZeros(e);
        }

        var decisions = _events.Decisions;
        var hosts = _hosts.Charted.Select(h => new HostChart(
            h.Address,
            [.. h.Charted.Select(s => new MetricChart(
                _settings.MetricNames[s.Metric],
                s.Value.Points(),
                s.Baseline.Points(),
                s.BandLow.Points(),
                s.BandHigh.Points(),
                s.Score.Points(),
                s.Cusum.Points()))],
            h.Alerts,
            h.AlertsOmitted,
            [.. decisions.Where(d => d.Target.Contains(h.Address))])).ToList();
        return new ReportContent(
            summary,
            _settings,
            _timeline.FirstSecond,
            end,
            packets,
            bytes,
            _events.Alerts,
            _events.AlertsOmitted,
            decisions,
            _events.DecisionsOmitted,
            _events.Notices,
            hosts,
            _hosts.AlertsNotCharted,
            _timeline.Talkers.Top(_limits.TopTalkers));
    }
}
