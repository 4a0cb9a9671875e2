using NetGuard.Core.Packets;
using NetGuard.Core.Remediation;

namespace NetGuard.Enforcers.Linux;

/// <summary>
/// Checks a batch before any of it reaches a command line or script, and reduces it to one rule per
/// target (the last one wins): a block is identified by its target, the decision id is its label.
/// </summary>
internal static class RuleBatch
{
    /// <summary>Longer than any sensible block, short enough for every kernel's timeout arithmetic.</summary>
    internal static readonly TimeSpan MaxTtl = TimeSpan.FromDays(3650);

    /// <summary>For apply: ids safe for comments, canonical targets, TTLs in range.</summary>
    public static bool TryNormalize(IReadOnlyList<BlockRule> rules, out List<BlockRule> normalized, out string error)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var byTarget = new Dictionary<NetPrefix, int>(rules.Count);
        normalized = new List<BlockRule>(rules.Count);
        foreach (var rule in rules)
        {
            if (rule is null)
            {
                error = "a rule in the batch is null";
                return false;
            }

            if (!BlockRule.IsValidId(rule.DecisionId))
            {
                error = "decision id is not safe for a firewall comment (letters, digits, '-' and '_' only, at most 64): " + Printable(rule.DecisionId);
                return false;
            }

            if (TargetProblem(rule.Target) is { } problem)
            {
                error = problem;
                return false;
            }

            if (rule.Ttl is { } ttl && (ttl <= TimeSpan.Zero || ttl > MaxTtl))
            {
                error = $"TTL {ttl} for {rule.Target} is outside (0, {MaxTtl.TotalDays:0} days]";
                return false;
            }

            if (byTarget.TryGetValue(rule.Target, out var index))
            {
                normalized[index] = rule;
            }
            else
            {
                byTarget.Add(rule.Target, normalized.Count);
                normalized.Add(rule);
            }
        }

        error = "";
        return true;
    }

    /// <summary>For removal only the targets matter (a removal may carry any label, even an unsafe one: it is never written anywhere).</summary>
    public static bool TryTargets(IReadOnlyList<BlockRule> rules, out List<NetPrefix> targets, out string error)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var seen = new HashSet<NetPrefix>();
        targets = new List<NetPrefix>(rules.Count);
        foreach (var rule in rules)
        {
            if (rule is null)
            {
                error = "a rule in the batch is null";
                return false;
            }

            if (TargetProblem(rule.Target) is { } problem)
            {
                error = problem;
                return false;
            }

            if (seen.Add(rule.Target))
            {
                targets.Add(rule.Target);
            }
        }

        error = "";
        return true;
    }

    /// <summary>
    /// Null when the target is a canonical prefix (what <see cref="NetPrefix.TryParse"/> makes). A /0
    /// is refused here as a last line of defence: it would block a whole address family.
    /// </summary>
    public static string? TargetProblem(NetPrefix target)
    {
        var max = target.IsIPv4 ? 32 : 128;
        if (target.Length < 1 || target.Length > max)
        {
            return $"prefix length {target.Length} is outside 1..{max}";
        }

        return NetPrefix.TryParse(target.ToString(), out var canonical) && canonical == target
            ? null
            : $"target {target} is not a canonical prefix (host bits set)";
    }

    public static bool IsHost(NetPrefix target) => target.Length == (target.IsIPv4 ? 32 : 128);

    /// <summary>The form every Linux tool accepts: "203.0.113.7" for one address, "198.51.100.0/24" for a prefix.</summary>
    public static string Format(NetPrefix target) => IsHost(target) ? target.Network.ToString() : target.ToString();

    private static string Printable(string? id) =>
        id is null ? "(null)" : new string([.. id.Take(64).Select(c => char.IsControl(c) ? '?' : c)]);
}
