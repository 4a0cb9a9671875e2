using NetGuard.Core.Remediation;

namespace NetGuard.Remediation.Tests;

/// <summary>A fake firewall: holds rules in memory, records calls, and can be told to fail.</summary>
internal sealed class RecordingEnforcer : IFirewallEnforcer
{
    public Dictionary<string, BlockRule> Rules { get; } = [];

    public List<string> Calls { get; } = [];

    /// <summary>When set, Apply and Remove fail with this error.</summary>
    public string? FailWith { get; set; }

    public string Name => "recording";

    public EnforcerCapabilities Capabilities { get; } = new(false, true, true, int.MaxValue);

    public ValueTask<EnforcementResult> PrepareAsync(CancellationToken cancellationToken)
    {
        Calls.Add("prepare");
        return ValueTask.FromResult(EnforcementResult.Ok);
    }

    public ValueTask<EnforcementResult> ApplyAsync(IReadOnlyList<BlockRule> rules, CancellationToken cancellationToken)
    {
        Calls.Add("apply " + string.Join(",", rules.Select(r => r.Target)));
        if (FailWith is not null)
        {
            return ValueTask.FromResult(EnforcementResult.Failed(FailWith));
        }

        foreach (var rule in rules)
        {
            Rules[rule.Target.ToString()] = rule;
        }

        return ValueTask.FromResult(EnforcementResult.Ok);
    }

    public ValueTask<EnforcementResult> RemoveAsync(IReadOnlyList<BlockRule> rules, CancellationToken cancellationToken)
    {
        Calls.Add("remove " + string.Join(",", rules.Select(r => r.Target)));
        if (FailWith is not null)
        {
            return ValueTask.FromResult(EnforcementResult.Failed(FailWith));
        }

        foreach (var rule in rules)
        {
            Rules.Remove(rule.Target.ToString());
        }

        return ValueTask.FromResult(EnforcementResult.Ok);
    }

    public ValueTask<IReadOnlyList<OwnedRule>> ListAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<OwnedRule>>([.. Rules.Values.Select(r => new OwnedRule(r.DecisionId, r.Target, r.Ttl))]);

    public ValueTask<EnforcementResult> TeardownAsync(CancellationToken cancellationToken)
    {
        Rules.Clear();
        return ValueTask.FromResult(EnforcementResult.Ok);
    }
}
