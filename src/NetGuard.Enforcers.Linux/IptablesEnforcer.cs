using NetGuard.Core.Packets;
using NetGuard.Core.Remediation;

namespace NetGuard.Enforcers.Linux;

/// <summary>
/// Blocks with iptables and ip6tables: chain <c>NETGUARD</c> in the filter table, jumped to once from
/// INPUT (and FORWARD when configured), one rule <c>-s TARGET -m comment --comment ID -j DROP</c> per
/// block. No kernel TTL: the decision engine removes expired blocks itself. With
/// <see cref="IptablesEnforcerOptions.UseIpset"/> the blocks are ipset elements instead (see the Ipset part).
/// </summary>
/// <remarks>
/// Apply and remove read the chain once (<c>-S NETGUARD</c>), then send only the difference through one
/// <c>iptables-restore --noflush</c> per family: never declaring the chain there, since restore flushes a
/// declared chain. <c>-w</c> on every call waits for the xtables lock. Calls are not locked against each
/// other: the engine makes one at a time, and a retried call repairs what an overlap could leave.
/// </remarks>
public sealed partial class IptablesEnforcer : IFirewallEnforcer
{
    internal const string Chain = "NETGUARD";
    private const string Input = "INPUT";
    private const string Forward = "FORWARD";

    private readonly ICommandRunner _runner;
    private readonly IptablesEnforcerOptions _options;
    private readonly Family[] _families;

    public IptablesEnforcer(ICommandRunner runner, IptablesEnforcerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(runner);
        _runner = runner;
        _options = options ?? new IptablesEnforcerOptions();
        _families = _options.IPv6 ? [Family.V4, Family.V6] : [Family.V4];
        Capabilities = new EnforcerCapabilities(KernelTtl: _options.UseIpset, Prefixes: true, IPv6: _options.IPv6, MaxBatch: _options.UseIpset ? 100_000 : 10_000);
    }

    public string Name => _options.UseIpset ? "iptables+ipset" : "iptables";

    public EnforcerCapabilities Capabilities { get; }

    public async ValueTask<EnforcementResult> PrepareAsync(CancellationToken cancellationToken)
    {
        foreach (var family in _families)
        {
            var error = await PrepareFamilyAsync(family, cancellationToken).ConfigureAwait(false)
                ?? (_options.UseIpset ? await PrepareSetAsync(family, cancellationToken).ConfigureAwait(false) : null)
                ?? await RemoveOtherModeAsync(family, cancellationToken).ConfigureAwait(false);
            if (error is not null)
            {
                return EnforcementResult.Failed(error);
            }
        }

        return EnforcementResult.Ok;
    }

    public async ValueTask<EnforcementResult> ApplyAsync(IReadOnlyList<BlockRule> rules, CancellationToken cancellationToken)
    {
        if (!RuleBatch.TryNormalize(rules, out var batch, out var problem))
        {
            return EnforcementResult.Failed("iptables apply refused: " + problem);
        }

        if (!_options.IPv6 && batch.Any(r => !r.Target.IsIPv4))
        {
            return EnforcementResult.Failed("iptables apply refused: IPv6 is not enabled for this enforcer");
        }

        foreach (var family in _families)
        {
            var mine = batch.Where(r => r.Target.IsIPv4 == family.IsIPv4).ToList();
            if (mine.Count == 0)
            {
                continue;
            }

            if (_options.UseIpset)
            {
                if (await ApplySetAsync(family, mine, cancellationToken).ConfigureAwait(false) is { } setError)
                {
                    return EnforcementResult.Failed(setError);
                }

                continue;
            }

            var (existing, error) = await ReadChainAsync(family, cancellationToken).ConfigureAwait(false);
            if (error is not null)
            {
                return EnforcementResult.Failed(error);
            }

            if (existing is null)
            {
                // The chain is gone (a firewall reload): rebuild it, then everything is missing.
                if (await PrepareFamilyAsync(family, cancellationToken).ConfigureAwait(false) is { } prepareError)
                {
                    return EnforcementResult.Failed(prepareError);
                }

                existing = [];
            }

            if (await RestoreAsync(family, ApplyLines(mine, existing), cancellationToken).ConfigureAwait(false) is { } restoreError)
            {
                return EnforcementResult.Failed(restoreError);
            }
        }

        return EnforcementResult.Ok;
    }

    public async ValueTask<EnforcementResult> RemoveAsync(IReadOnlyList<BlockRule> rules, CancellationToken cancellationToken)
    {
        if (!RuleBatch.TryTargets(rules, out var targets, out var problem))
        {
            return EnforcementResult.Failed("iptables remove refused: " + problem);
        }

        foreach (var family in _families)
        {
            var mine = targets.Where(t => t.IsIPv4 == family.IsIPv4).ToHashSet();
            if (mine.Count == 0)
            {
                continue;
            }

            if (_options.UseIpset)
            {
                if (await RemoveFromSetAsync(family, mine, cancellationToken).ConfigureAwait(false) is { } setError)
                {
                    return EnforcementResult.Failed(setError);
                }

                continue;
            }

            var (existing, error) = await ReadChainAsync(family, cancellationToken).ConfigureAwait(false);
            if (error is not null)
            {
                return EnforcementResult.Failed(error);
            }

            var lines = (existing ?? []).Where(e => mine.Contains(e.Target)).Select(e => e.DeleteLine).ToList();
            if (await RestoreAsync(family, lines, cancellationToken).ConfigureAwait(false) is { } restoreError)
            {
                return EnforcementResult.Failed(restoreError);
            }
        }

        return EnforcementResult.Ok;
    }

    /// <summary>Lists the chain's block rules for both families; empty when the chain does not exist.</summary>
    /// <exception cref="InvalidOperationException">iptables could not be run or failed otherwise.</exception>
    public async ValueTask<IReadOnlyList<OwnedRule>> ListAsync(CancellationToken cancellationToken)
    {
        var owned = new List<OwnedRule>();
        foreach (var family in _families)
        {
            if (_options.UseIpset)
            {
                var (members, setError) = await ListSetAsync(family, cancellationToken).ConfigureAwait(false);
                owned.AddRange(setError is null ? members : throw new InvalidOperationException(setError));
                continue;
            }

            var (existing, error) = await ReadChainAsync(family, cancellationToken).ConfigureAwait(false);
            if (error is not null)
            {
                throw new InvalidOperationException(error);
            }

            owned.AddRange((existing ?? []).Select(e => new OwnedRule(e.DecisionId, e.Target, null)));
        }

        return owned;
    }

    public async ValueTask<EnforcementResult> TeardownAsync(CancellationToken cancellationToken)
    {
        foreach (var family in _families)
        {
            var (exists, error) = await ChainExistsAsync(family, cancellationToken).ConfigureAwait(false);
            if (error is not null)
            {
                return EnforcementResult.Failed(error);
            }

            if (!exists)
            {
                if (_options.UseIpset && await DestroySetAsync(family, cancellationToken).ConfigureAwait(false) is { } setError)
                {
                    return EnforcementResult.Failed(setError);
                }

                continue;
            }

            foreach (var hook in new[] { Input, Forward })
            {
                if (await RemoveJumpsAsync(family, hook, cancellationToken).ConfigureAwait(false) is { } jumpError)
                {
                    return EnforcementResult.Failed(jumpError);
                }
            }

            foreach (var command in new[] { new[] { "-F", Chain }, new[] { "-X", Chain } })
            {
                var result = await RunAsync(family, command, cancellationToken).ConfigureAwait(false);
                if (!result.Succeeded)
                {
                    return EnforcementResult.Failed(CommandRunning.Describe($"{family.Tool} {string.Join(' ', command)}", result));
                }
            }

            if (_options.UseIpset && await DestroySetAsync(family, cancellationToken).ConfigureAwait(false) is { } destroyError)
            {
                return EnforcementResult.Failed(destroyError);
            }
        }

        return EnforcementResult.Ok;
    }

    private sealed record Family(bool IsIPv4, string Tool, string Restore)
    {
        public static readonly Family V4 = new(true, "iptables", "iptables-restore");
        public static readonly Family V6 = new(false, "ip6tables", "ip6tables-restore");
    }
}
