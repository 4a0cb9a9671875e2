using System.Globalization;
using NetGuard.Core.Packets;
using NetGuard.Core.Remediation;

namespace NetGuard.Remediation.Engine;

public sealed partial class RemediationEngine
{
    /// <summary>Approved → Applying → Active, or Failed if the firewall refuses after retries.</summary>
    private async Task<Decision> ApplyAsync(Decision decision, CancellationToken cancellationToken)
    {
        var applying = decision.State == DecisionState.Applying ? decision : Transition(decision, DecisionState.Applying);
        var now = _time.GetUtcNow();
        var result = await _enforcer.ApplyAsync([new BlockRule(applying.Id, applying.Target, applying.Ttl)], cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            Notice($"applying {applying.Id} ({applying.Target}) failed: {result.Error}");
            return Transition(applying, DecisionState.Failed, d => d with { Error = result.Error });
        }

        var key = applying.Target.ToString();
        _offenders[key] = _offenders.GetValueOrDefault(key) + 1;
        _recentApplies.Enqueue(now);
        return Transition(applying, DecisionState.Active, d => d with { ExpiresAt = now + d.Ttl, Error = null });
    }

    /// <summary>Active → RolledBack or Expired once the firewall confirms removal; Failed (with the error) if it does not.</summary>
    private async Task<Decision> RemoveAsync(Decision decision, DecisionState end, CancellationToken cancellationToken)
    {
        var result = await _enforcer.RemoveAsync([new BlockRule(decision.Id, decision.Target, null)], cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            Notice($"removing {decision.Id} ({decision.Target}) failed: {result.Error}; reconciliation will retry");
            return Transition(decision, DecisionState.Failed, d => d with { Error = result.Error });
        }

        return Transition(decision, end);
    }

    private Decision Approve(Decision decision, string by) =>
        Transition(decision, DecisionState.Approved, d => d with { ApprovedAt = _time.GetUtcNow(), ApprovedBy = by });

    /// <summary>The TTL for a target: the default, doubled (by the factor) for each earlier block, capped.</summary>
    private TimeSpan TtlFor(string target, TimeSpan requested)
    {
        var earlier = _offenders.GetValueOrDefault(target);
        var ttl = requested * Math.Pow(_options.RepeatOffenderFactor, Math.Min(earlier, 30));
        return ttl > _options.MaxTtl ? _options.MaxTtl : ttl;
    }

    /// <summary>Caps: active blocks, and new blocks in the last minute.</summary>
    private string? CapReached()
    {
        var now = _time.GetUtcNow();
        while (_recentApplies.Count > 0 && now - _recentApplies.Peek() > TimeSpan.FromMinutes(1))
        {
            _recentApplies.Dequeue();
        }

        var active = _decisions.Values.Count(d => d.State is DecisionState.Active or DecisionState.Applying);
        if (active >= _options.MaxActiveBlocks)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{active} blocks are active (NetGuard:Remediation:MaxActiveBlocks = {_options.MaxActiveBlocks})");
        }

        return _recentApplies.Count >= _options.MaxNewBlocksPerMinute
            ? string.Create(CultureInfo.InvariantCulture, $"{_recentApplies.Count} blocks applied in the last minute (NetGuard:Remediation:MaxNewBlocksPerMinute = {_options.MaxNewBlocksPerMinute})")
            : null;
    }

    /// <summary>Why a target may not be blocked: protected, too wide, or rolled back recently; null when it may.</summary>
    private string? Refusal(NetPrefix target)
    {
        var minimum = target.IsIPv4 ? _options.MinPrefixLengthIPv4 : _options.MinPrefixLengthIPv6;
        if (target.Length < minimum)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{target} is wider than /{minimum} (NetGuard:Remediation:MinPrefixLength{(target.IsIPv4 ? "IPv4" : "IPv6")})");
        }

        return _protected.Why(target);
    }
}
