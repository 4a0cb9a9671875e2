using NetGuard.Core.Packets;
using NetGuard.Core.Remediation;

namespace NetGuard.Enforcers.Windows;

/// <summary>
/// Blocks with Windows Firewall through <c>netsh advfirewall firewall</c>: one inbound block rule per
/// decision, named "NetGuard &lt;decision id&gt;", holding that decision's targets as its remote
/// addresses. Only rules with such a name (and no grouping, or grouping "NetGuard") are read or
/// changed. No kernel TTL: the decision engine removes expired blocks itself.
/// </summary>
/// <remarks>
/// netsh cannot set a rule's grouping (<c>add rule</c> has no group parameter; only the COM API or
/// PowerShell can), so ownership rests on the name prefix. Every change first reads our rules, then
/// issues only the difference: adds and growing rules first, shrinking and deleting rules last, so a
/// target moving to another decision stays blocked throughout. A block is identified by its target:
/// applying a target held by another decision's rule moves it.
/// </remarks>
public sealed partial class WindowsFirewallEnforcer : IFirewallEnforcer
{
    internal const string NamePrefix = "NetGuard ";
    internal const string Group = "NetGuard";

    /// <summary>netsh command lines are limited to 32,767 characters: 500 IPv6 prefixes fit.</summary>
    internal const int MaxTargetsPerRule = 500;

    private const string Netsh = "netsh";

    private readonly ICommandRunner _runner;
    private readonly TimeSpan _timeout;

    public WindowsFirewallEnforcer(ICommandRunner runner, TimeSpan? commandTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(runner);
        _runner = runner;
        _timeout = commandTimeout ?? TimeSpan.FromSeconds(30);
    }

    public string Name => "windows";

    public EnforcerCapabilities Capabilities { get; } = new(KernelTtl: false, Prefixes: true, IPv6: true, MaxBatch: 200);

    /// <summary>Nothing to create (rules are the namespace); reading them checks that netsh works here.</summary>
    public async ValueTask<EnforcementResult> PrepareAsync(CancellationToken cancellationToken)
    {
        var (_, error) = await ReadAsync(cancellationToken).ConfigureAwait(false);
        return error is null ? EnforcementResult.Ok : EnforcementResult.Failed(error);
    }

    public async ValueTask<EnforcementResult> ApplyAsync(IReadOnlyList<BlockRule> rules, CancellationToken cancellationToken)
    {
        if (!Validate(rules, checkIds: true, out var batch, out var problem))
        {
            return EnforcementResult.Failed("netsh apply refused: " + problem);
        }

        if (batch.Count == 0)
        {
            return EnforcementResult.Ok;
        }

        var (owned, error) = await ReadAsync(cancellationToken).ConfigureAwait(false);
        if (owned is null)
        {
            return EnforcementResult.Failed(error!);
        }

        var newId = batch.ToDictionary(r => r.Target, r => r.DecisionId);
        var wanted = batch.GroupBy(r => r.DecisionId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(r => r.Target).ToList(), StringComparer.Ordinal);
        var desired = new Dictionary<string, List<NetPrefix>>(StringComparer.Ordinal);
        foreach (var (id, rule) in owned)
        {
            // What stays (targets not moving to another decision), then what this batch adds.
            var keep = rule.Targets.Where(t => !newId.TryGetValue(t, out var other) || other == id).ToList();
            if (keep.Count < rule.Targets.Count || wanted.ContainsKey(id))
            {
                desired[id] = [.. keep.Concat(wanted.GetValueOrDefault(id) ?? []).Distinct()];
            }
        }

        foreach (var (id, targets) in wanted)
        {
            desired.TryAdd(id, targets);
        }

        return await ConvergeAsync(owned, desired, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<EnforcementResult> RemoveAsync(IReadOnlyList<BlockRule> rules, CancellationToken cancellationToken)
    {
        if (!Validate(rules, checkIds: false, out var batch, out var problem))
        {
            return EnforcementResult.Failed("netsh remove refused: " + problem);
        }

        if (batch.Count == 0)
        {
            return EnforcementResult.Ok;
        }

        var (owned, error) = await ReadAsync(cancellationToken).ConfigureAwait(false);
        if (owned is null)
        {
            return EnforcementResult.Failed(error!);
        }

        var gone = batch.Select(r => r.Target).ToHashSet();
        var desired = owned.Where(o => o.Value.Targets.Any(gone.Contains))
            .ToDictionary(o => o.Key, o => o.Value.Targets.Where(t => !gone.Contains(t)).ToList(), StringComparer.Ordinal);
        return await ConvergeAsync(owned, desired, cancellationToken).ConfigureAwait(false);
    }

    /// <exception cref="InvalidOperationException">netsh could not be run or failed.</exception>
    public async ValueTask<IReadOnlyList<OwnedRule>> ListAsync(CancellationToken cancellationToken)
    {
        var (owned, error) = await ReadAsync(cancellationToken).ConfigureAwait(false);
        return owned is null
            ? throw new InvalidOperationException(error)
            : [.. owned.SelectMany(o => o.Value.Targets.Select(t => new OwnedRule(o.Key, t, null)))];
    }

    public async ValueTask<EnforcementResult> TeardownAsync(CancellationToken cancellationToken)
    {
        var (owned, error) = await ReadAsync(cancellationToken).ConfigureAwait(false);
        if (owned is null)
        {
            return EnforcementResult.Failed(error!);
        }

        var none = owned.Keys.ToDictionary(id => id, _ => new List<NetPrefix>(), StringComparer.Ordinal);
        return await ConvergeAsync(owned, none, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Our rules by decision id (same-named duplicates merged); null and an error when netsh failed.</summary>
    private async Task<(Dictionary<string, OwnedNetshRule>? Owned, string? Error)> ReadAsync(CancellationToken cancellationToken)
    {
        var result = await _runner.TryRunAsync(Netsh, ShowArguments(), null, _timeout, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            // netsh says this, with exit code 1, when the policy holds no inbound rule at all.
            return result.ExitCode == 1 && result.StandardOutput.Contains("No rules match", StringComparison.OrdinalIgnoreCase)
                ? (new Dictionary<string, OwnedNetshRule>(StringComparer.Ordinal), null)
                : (null, Describe("netsh show rule", result));
        }

        var owned = new Dictionary<string, OwnedNetshRule>(StringComparer.Ordinal);
        foreach (var rule in NetshOutput.ParseRules(result.StandardOutput))
        {
            if (OwnerId(rule) is { } id)
            {
                owned[id] = owned.TryGetValue(id, out var seen)
                    ? new OwnedNetshRule([.. seen.Targets.Concat(rule.Targets).Distinct()], true)
                    : new OwnedNetshRule([.. rule.Targets.Distinct()], rule.HasOtherRemotes || rule.Targets.Distinct().Count() != rule.Targets.Count);
            }
        }

        return (owned, null);
    }

    /// <summary>The decision id when the rule is ours: our name, inbound, and no grouping other than ours.</summary>
    internal static string? OwnerId(NetshRule rule)
    {
        if (!rule.Name.StartsWith(NamePrefix, StringComparison.Ordinal) || !rule.Direction.Equals("In", StringComparison.OrdinalIgnoreCase)
            || (rule.Grouping.Length > 0 && rule.Grouping != Group))
        {
            return null;
        }

        var id = rule.Name[NamePrefix.Length..];
        return BlockRule.IsValidId(id) ? id : null;
    }

    private static bool Validate(IReadOnlyList<BlockRule> rules, bool checkIds, out List<BlockRule> batch, out string problem)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var byTarget = new Dictionary<NetPrefix, BlockRule>();
        foreach (var rule in rules)
        {
            if (rule is null)
            {
                (batch, problem) = ([], "a rule in the batch is null");
                return false;
            }

            if (checkIds && !BlockRule.IsValidId(rule.DecisionId))
            {
                (batch, problem) = ([], "decision id is not safe for a rule name (letters, digits, '-' and '_' only, at most 64)");
                return false;
            }

            var max = rule.Target.IsIPv4 ? 32 : 128;
            if (rule.Target.Length < 1 || rule.Target.Length > max || !NetPrefix.TryParse(rule.Target.ToString(), out var canonical) || canonical != rule.Target)
            {
                (batch, problem) = ([], $"target {rule.Target} is not a canonical prefix of length 1..{max}");
                return false;
            }

            byTarget.Remove(rule.Target);
            byTarget[rule.Target] = rule;
        }

        (batch, problem) = ([.. byTarget.Values], "");
        return true;
    }

    private sealed record OwnedNetshRule(IReadOnlyList<NetPrefix> Targets, bool Dirty);
}
