using NetGuard.Core.Detection;
using NetGuard.Core.Packets;
using NetGuard.Core.Remediation;

namespace NetGuard.Reporting;

/// <summary>A host that raised alerts: the metrics that fired, its alerts and the decisions that cover it.</summary>
internal sealed record HostChart(NetAddress Host, IReadOnlyList<MetricChart> Metrics, IReadOnlyList<Anomaly> Alerts, long AlertsOmitted, IReadOnlyList<Decision> Decisions);
