using NetGuard.Core.Remediation;

namespace NetGuard.Remediation.Engine;

public sealed partial class RemediationEngine
{
    /// <summary>Ends blocks whose TTL has passed (the kernel may already have done so: removal is idempotent).</summary>
    public async Task ExpireAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        foreach (var decision in _decisions.Values.Where(d => d.State == DecisionState.Active && d.ExpiresAt <= now).ToList())
        {
            await RemoveAsync(decision, DecisionState.Expired, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Compares what the firewall holds with what the journal says should be active, and repairs
    /// the difference: a missing block is applied again, a block nobody wants (an orphan) is removed.
    /// </summary>
    public async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<OwnedRule> owned;
        try
        {
            owned = await _enforcer.ListAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Notice($"reconciliation skipped: cannot list the {_enforcer.Name} firewall ({e.Message})");
            return;
        }

        var now = _time.GetUtcNow();
        var desired = _decisions.Values.Where(d => d.State == DecisionState.Active && d.ExpiresAt > now).ToList();
        var present = owned.Select(o => o.Target).ToHashSet();
        var missing = desired.Where(d => !present.Contains(d.Target)).ToList();
        if (missing.Count > 0)
        {
            var result = await _enforcer.ApplyAsync([.. missing.Select(d => d.ToRule(now))], cancellationToken).ConfigureAwait(false);
            Notice($"drift: {missing.Count} active block(s) missing from the firewall ({string.Join(", ", missing.Take(5).Select(d => d.Target))}); re-applied: {(result.Succeeded ? "ok" : result.Error)}");
        }

        var wanted = desired.Select(d => d.Target).ToHashSet();
        var orphans = owned.Where(o => !wanted.Contains(o.Target)).ToList();
        if (orphans.Count > 0)
        {
            var result = await _enforcer.RemoveAsync([.. orphans.Select(o => new BlockRule(o.DecisionId ?? "orphan", o.Target, null))], cancellationToken).ConfigureAwait(false);
            Notice($"drift: {orphans.Count} block(s) in the firewall that no active decision wants ({string.Join(", ", orphans.Take(5).Select(o => o.Target))}); removed: {(result.Succeeded ? "ok" : result.Error)}");
            if (result.Succeeded)
            {
                foreach (var failed in _decisions.Values.Where(d => d.State == DecisionState.Failed && orphans.Any(o => o.Target == d.Target)).ToList())
                {
                    Transition(failed, DecisionState.RolledBack, d => d with { Error = null });
                }
            }
        }
    }
}
