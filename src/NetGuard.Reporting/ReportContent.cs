using NetGuard.Core.Detection;
using NetGuard.Core.Packets;
using NetGuard.Core.Remediation;
using NetGuard.Reporting.Recording;

namespace NetGuard.Reporting;

/// <summary>Everything a report shows, taken from the recorder when the replay ends; what the page renders.</summary>
/// <param name="Start">First second of the capture's time axis; null when no second closed.</param>
/// <param name="End">The second after the last (the axis is [Start, End)).</param>
internal sealed record ReportContent(
    ReportSummary Summary,
    ReportSettings Settings,
    long? Start,
    long? End,
    IReadOnlyList<SeriesPoint> PacketRate,
    IReadOnlyList<SeriesPoint> ByteRate,
    IReadOnlyList<Anomaly> Alerts,
    long AlertsOmitted,
    IReadOnlyList<Decision> Decisions,
    long DecisionsOmitted,
    IReadOnlyList<string> Notices,
    IReadOnlyList<HostChart> Hosts,
    long AlertsNotCharted,
    IReadOnlyList<Talker> Talkers);

/// <summary>A host that raised alerts: the metrics that fired, its alerts and the decisions that cover it.</summary>
internal sealed record HostChart(NetAddress Host, IReadOnlyList<MetricChart> Metrics, IReadOnlyList<Anomaly> Alerts, long AlertsOmitted, IReadOnlyList<Decision> Decisions);

/// <summary>One metric of a host: value, baseline and its band, score and CUSUM.</summary>
internal sealed record MetricChart(
    string Name,
    IReadOnlyList<SeriesPoint> Value,
    IReadOnlyList<SeriesPoint> Baseline,
    IReadOnlyList<SeriesPoint> BandLow,
    IReadOnlyList<SeriesPoint> BandHigh,
    IReadOnlyList<SeriesPoint> Score,
    IReadOnlyList<SeriesPoint> Cusum);
