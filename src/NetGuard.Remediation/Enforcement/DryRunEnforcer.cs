using NetGuard.Core.Remediation;

namespace NetGuard.Remediation.Enforcement;

/// <summary>Changes nothing on the host: remembers what it was asked, so listing and reconciliation behave as with a real firewall.</summary>
public sealed class DryRunEnforcer : IFirewallEnforcer
{
    private readonly Dictionary<string, BlockRule> _rules = [];
    private readonly Lock _lock = new();

    public string Name => "dryrun";

    public EnforcerCapabilities Capabilities { get; } = new(KernelTtl: false, Prefixes: true, IPv6: true, MaxBatch: int.MaxValue);

    /// <summary>What a real enforcer would have done, in order ("apply 203.0.113.7/32 ng-...").</summary>
    public IReadOnlyList<string> Log
    {
        get
        {
            lock (_lock)
            {
                return [.. _log];
            }
        }
    }

    private readonly List<string> _log = [];

    public ValueTask<EnforcementResult> PrepareAsync(CancellationToken cancellationToken) => ValueTask.FromResult(EnforcementResult.Ok);

    public ValueTask<EnforcementResult> ApplyAsync(IReadOnlyList<BlockRule> rules, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rules);
        lock (_lock)
        {
            foreach (var rule in rules)
            {
                _rules[rule.Target.ToString()] = rule;
                _log.Add($"apply {rule.Target} {rule.DecisionId}");
            }
        }

        return ValueTask.FromResult(EnforcementResult.Ok);
    }

    public ValueTask<EnforcementResult> RemoveAsync(IReadOnlyList<BlockRule> rules, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rules);
        lock (_lock)
        {
            foreach (var rule in rules)
            {
                _rules.Remove(rule.Target.ToString());
                _log.Add($"remove {rule.Target} {rule.DecisionId}");
            }
        }

        return ValueTask.FromResult(EnforcementResult.Ok);
    }

    public ValueTask<IReadOnlyList<OwnedRule>> ListAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return ValueTask.FromResult<IReadOnlyList<OwnedRule>>([.. _rules.Values.Select(r => new OwnedRule(r.DecisionId, r.Target, r.Ttl))]);
        }
    }

    public ValueTask<EnforcementResult> TeardownAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _rules.Clear();
        }

        return ValueTask.FromResult(EnforcementResult.Ok);
    }
}
