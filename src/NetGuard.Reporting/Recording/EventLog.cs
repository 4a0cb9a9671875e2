using NetGuard.Core.Detection;
using NetGuard.Core.Remediation;

namespace NetGuard.Reporting.Recording;

/// <summary>Alerts and decisions as they happened, bounded; what did not fit is counted.</summary>
internal sealed class EventLog(ReportLimits limits)
{
    private readonly List<Anomaly> _alerts = [];
    private readonly Dictionary<string, Decision> _decisions = new(StringComparer.Ordinal);
    private readonly List<string> _decisionOrder = [];
    private readonly List<string> _notices = [];

    public IReadOnlyList<Anomaly> Alerts => _alerts;

    public long AlertsOmitted { get; private set; }

    /// <summary>Transitions of decisions beyond the limit, not kept.</summary>
    public long DecisionsOmitted { get; private set; }

    public long NoticesOmitted { get; private set; }

    public IReadOnlyList<string> Notices => _notices;

    /// <summary>Each decision in its latest state, in the order they were made.</summary>
    public IReadOnlyList<Decision> Decisions => [.. _decisionOrder.Select(id => _decisions[id])];

    public void OnAnomaly(Anomaly anomaly)
    {
        if (_alerts.Count < limits.Alerts)
        {
            _alerts.Add(anomaly);
        }
        else
        {
            AlertsOmitted++;
        }
    }

    public void OnDecision(Decision decision)
    {
        if (_decisions.Count < limits.Decisions && _decisions.TryAdd(decision.Id, decision))
        {
            _decisionOrder.Add(decision.Id);
        }
        else if (_decisions.ContainsKey(decision.Id))
        {
            _decisions[decision.Id] = decision;
        }
        else
        {
            DecisionsOmitted++;
        }
    }

    public void OnNotice(string message)
    {
        if (_notices.Count < limits.Notices)
        {
            _notices.Add(message);
        }
        else
        {
            NoticesOmitted++;
        }
    }
}
