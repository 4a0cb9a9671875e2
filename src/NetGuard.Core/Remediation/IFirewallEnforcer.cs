namespace NetGuard.Core.Remediation;

/// <summary>
/// A firewall backend. It touches only what it owns (its own table, chain or rule group), never
/// default policies or anything else, and runs commands with argument lists, never a shell.
/// Every operation is idempotent, so a retried call is safe.
/// </summary>
public interface IFirewallEnforcer
{
    /// <summary>"nftables", "iptables", "windows" or "dryrun".</summary>
    string Name { get; }

    EnforcerCapabilities Capabilities { get; }

    /// <summary>Creates the owned namespace (table, sets, chains, jumps) if missing; leaves existing blocks alone.</summary>
    ValueTask<EnforcementResult> PrepareAsync(CancellationToken cancellationToken);

    /// <summary>Applies blocks; one already present is not an error (its TTL is refreshed where possible).</summary>
    ValueTask<EnforcementResult> ApplyAsync(IReadOnlyList<BlockRule> rules, CancellationToken cancellationToken);

    /// <summary>Removes blocks; one already absent is not an error.</summary>
    ValueTask<EnforcementResult> RemoveAsync(IReadOnlyList<BlockRule> rules, CancellationToken cancellationToken);

    /// <summary>Lists the blocks present in the owned namespace.</summary>
    ValueTask<IReadOnlyList<OwnedRule>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Removes the owned namespace and everything in it (package removal); nothing else.</summary>
    ValueTask<EnforcementResult> TeardownAsync(CancellationToken cancellationToken);
}
