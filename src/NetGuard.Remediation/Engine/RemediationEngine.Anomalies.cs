using System.Globalization;
using NetGuard.Core.Detection;
using NetGuard.Core.Packets;
using NetGuard.Core.Remediation;

namespace NetGuard.Remediation.Engine;

public sealed partial class RemediationEngine
{
    /// <summary>
    /// An alert that names a single attacker becomes a proposal (Approve), a block (Auto), or
    /// nothing (Monitor); guards, dedupe, suppression after rollback and caps apply first.
    /// </summary>
    public async Task OnAnomalyAsync(Anomaly anomaly, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(anomaly);
        if (!anomaly.Kind.BlocksSource() || anomaly.Role != SubjectRole.Source)
        {
            return;
        }

        var kind = anomaly.Kind.Name();
        var mode = _options.ModeFor(kind);
        if (mode == RemediationMode.Monitor)
        {
            return;
        }

        var target = new NetPrefix(anomaly.Subject, anomaly.Subject.IsIPv4 ? 32 : 128);
        if (Refusal(target) is not null || HasLiveDecision(target) || RecentlyRolledBack(target))
        {
            return;
        }

        var now = _time.GetUtcNow();
        var peer = anomaly.Peer is { } p ? $" toward {p}" : "";
        var proposed = Transition(
            new Decision
            {
                Id = NewId(now),
                Target = target,
                State = DecisionState.Proposed,
                Origin = $"{kind}/{anomaly.Detector}",
                Reason = string.Create(CultureInfo.InvariantCulture, $"{kind}{peer}: {anomaly.Metric} {anomaly.Value:0.##}/s, baseline {anomaly.Baseline:0.##}, score {anomaly.Score:0.##}"),
                CreatedAt = now,
                Ttl = TtlFor(target.ToString(), _options.DefaultTtl),
                Evidence = new Dictionary<string, string>
                {
                    ["metric"] = anomaly.Metric,
                    ["value"] = anomaly.Value.ToString(CultureInfo.InvariantCulture),
                    ["baseline"] = anomaly.Baseline.ToString(CultureInfo.InvariantCulture),
                    ["score"] = anomaly.Score.ToString(CultureInfo.InvariantCulture),
                    ["detector"] = anomaly.Detector,
                },
            },
            DecisionState.Proposed);

        if (mode != RemediationMode.Auto)
        {
            return;
        }

        if (CapReached() is { } cap)
        {
            Notice($"{cap}: {proposed.Id} ({proposed.Target}) stays proposed until an operator approves it");
            return;
        }

        await ApplyAsync(Approve(proposed, "auto"), cancellationToken).ConfigureAwait(false);
    }

    private bool HasLiveDecision(NetPrefix target) =>
        _decisions.Values.Any(d => d.IsLive && d.Target == target);

    private bool RecentlyRolledBack(NetPrefix target)
    {
        var now = _time.GetUtcNow();
        return _decisions.Values.Any(d => d.Target == target
            && d.State is DecisionState.RolledBack or DecisionState.Rejected
            && now - d.UpdatedAt < _options.RollbackSuppression);
    }
}
