using NetGuard.Core.Packets;
using NetGuard.Core.Remediation;

namespace NetGuard.Enforcers.Linux;

/// <summary>
/// Blocks with nftables. Everything lives in table <c>inet netguard</c>: hash sets <c>blocked4</c> and
/// <c>blocked6</c> for single addresses, interval sets <c>blocked4net</c> and <c>blocked6net</c> for
/// prefixes, every element with its own kernel timeout and the decision id as its comment, and two base
/// chains (<c>input</c>, <c>forward</c>, priority -10, policy accept) that drop sources found in a set.
/// </summary>
/// <remarks>
/// Every change is one <c>nft -f -</c> transaction, so a batch applies whole or not at all. Single
/// addresses live in hash sets because nft (1.0.x) deletes from interval sets in quadratic time
/// (10,000 deletions took a minute); prefixes are few, so their interval sets stay small.
/// Calls need no lock: each change is one atomic transaction that tolerates present and absent elements.
/// </remarks>
public sealed partial class NftablesEnforcer : IFirewallEnforcer
{
    internal const string Table = "netguard";
    internal const string Hosts4 = "blocked4";
    internal const string Hosts6 = "blocked6";
    internal const string Nets4 = "blocked4net";
    internal const string Nets6 = "blocked6net";
    private const string Nft = "nft";

    private readonly ICommandRunner _runner;
    private readonly TimeSpan _timeout;

    /// <param name="runner">Runs <c>nft</c>; tests pass one that runs inside a network namespace.</param>
    /// <param name="commandTimeout">Per nft call; 100,000 elements take about two seconds.</param>
    public NftablesEnforcer(ICommandRunner runner, TimeSpan? commandTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(runner);
        _runner = runner;
        _timeout = commandTimeout ?? TimeSpan.FromSeconds(60);
    }

    public string Name => "nftables";

    public EnforcerCapabilities Capabilities { get; } = new(KernelTtl: true, Prefixes: true, IPv6: true, MaxBatch: 100_000);

    public async ValueTask<EnforcementResult> PrepareAsync(CancellationToken cancellationToken)
    {
        return ToResult("nft prepare", await RunScriptAsync(PrepareScript, cancellationToken).ConfigureAwait(false));
    }

    public async ValueTask<EnforcementResult> ApplyAsync(IReadOnlyList<BlockRule> rules, CancellationToken cancellationToken)
    {
        if (!RuleBatch.TryNormalize(rules, out var batch, out var error))
        {
            return EnforcementResult.Failed("nft apply refused: " + error);
        }

        if (batch.Count == 0)
        {
            return EnforcementResult.Ok;
        }

        var script = ApplyScript(batch);
        var result = await RunScriptAsync(script, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded && IsMissing(result))
        {
            // Our table is gone (a firewall reload flushed the ruleset): rebuild it and try once more.
            var prepared = await RunScriptAsync(PrepareScript, cancellationToken).ConfigureAwait(false);
            if (!prepared.Succeeded)
            {
                return ToResult("nft prepare (before apply)", prepared);
            }

            result = await RunScriptAsync(script, cancellationToken).ConfigureAwait(false);
        }

        return ToResult("nft apply", result);
    }

    public async ValueTask<EnforcementResult> RemoveAsync(IReadOnlyList<BlockRule> rules, CancellationToken cancellationToken)
    {
        if (!RuleBatch.TryTargets(rules, out var targets, out var error))
        {
            return EnforcementResult.Failed("nft remove refused: " + error);
        }

        if (targets.Count == 0)
        {
            return EnforcementResult.Ok;
        }

        // A prefix is deleted only if it is an element exactly: an absent one could overlap a present
        // one, and nft would refuse the whole batch.
        var nets = new HashSet<NetPrefix>();
        foreach (var (set, ipv4) in new[] { (Nets4, true), (Nets6, false) })
        {
            if (targets.Any(t => t.IsIPv4 == ipv4 && !RuleBatch.IsHost(t)))
            {
                var listed = await _runner.TryRunAsync(Nft, ["-j", "list", "set", "inet", Table, set], null, _timeout, cancellationToken).ConfigureAwait(false);
                if (!listed.Succeeded && !IsMissing(listed))
                {
                    return ToResult("nft list set " + set, listed);
                }

                try
                {
                    nets.UnionWith(listed.Succeeded ? ParseList(listed.StandardOutput).Select(r => r.Target) : []);
                }
                catch (InvalidOperationException e)
                {
                    return EnforcementResult.Failed(e.Message);
                }
            }
        }

        var script = RemoveScript(targets, nets);
        if (script.Length == 0)
        {
            return EnforcementResult.Ok;
        }

        // Missing table or set: then the elements are absent too.
        var result = await RunScriptAsync(script, cancellationToken).ConfigureAwait(false);
        return !result.Succeeded && IsMissing(result) ? EnforcementResult.Ok : ToResult("nft remove", result);
    }

    /// <summary>Lists the elements of the four sets; empty when the table does not exist.</summary>
    /// <exception cref="InvalidOperationException">nft could not be run or failed otherwise.</exception>
    public async ValueTask<IReadOnlyList<OwnedRule>> ListAsync(CancellationToken cancellationToken)
    {
        var result = await _runner.TryRunAsync(Nft, ["-j", "list", "table", "inet", Table], null, _timeout, cancellationToken).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return ParseList(result.StandardOutput);
        }

        return IsMissing(result) ? [] : throw new InvalidOperationException(CommandRunning.Describe("nft list table inet netguard", result));
    }

    public async ValueTask<EnforcementResult> TeardownAsync(CancellationToken cancellationToken)
    {
        // "add" first makes "delete" succeed whether or not the table existed.
        return ToResult("nft teardown", await RunScriptAsync(TeardownScript, cancellationToken).ConfigureAwait(false));
    }

    private Task<CommandResult> RunScriptAsync(string script, CancellationToken cancellationToken) =>
        _runner.TryRunAsync(Nft, ["-f", "-"], script, _timeout, cancellationToken);

    private static EnforcementResult ToResult(string what, CommandResult result) =>
        result.Succeeded ? EnforcementResult.Ok : EnforcementResult.Failed(CommandRunning.Describe(what, result, DescribeErrors(result.StandardError)));

    /// <summary>nft's words for a table, set or chain that does not exist (ENOENT).</summary>
    private static bool IsMissing(CommandResult result) =>
        result.ExitCode == 1 && result.StandardError.Contains("No such file or directory", StringComparison.Ordinal);
}
