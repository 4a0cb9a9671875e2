using NetGuard.Core.Detection;
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
