using NetGuard.Core.Packets;
using NetGuard.Core.Remediation;

namespace NetGuard.Enforcers.Linux;

/// <summary>Reading <c>iptables -S NETGUARD</c> and writing the restore lines that change it.</summary>
public sealed partial class IptablesEnforcer
{
    /// <summary>A block rule found in our chain, with the line that deletes exactly it.</summary>
    internal sealed record ChainRule(NetPrefix Target, string? DecisionId, string DeleteLine);

    /// <summary>
    /// Keeps lines of the two shapes this enforcer writes (<c>-A NETGUARD -s T [-m comment --comment ID] -j DROP</c>);
    /// anything else someone put in our chain is not a block of ours and is left to teardown.
    /// </summary>
    internal static List<ChainRule> ParseChain(string output, bool ipv4)
    {
        var rules = new List<ChainRule>();
        foreach (var raw in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var t = raw.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (t.Length < 6 || t[0] != "-A" || t[1] != Chain || t[2] != "-s" || t[^2] != "-j" || t[^1] != "DROP"
                || !NetPrefix.TryParse(t[3], out var target) || target.IsIPv4 != ipv4 || RuleBatch.TargetProblem(target) is not null)
            {
                continue;
            }

            string? id = null;
            if (t.Length == 10 && t[4] == "-m" && t[5] == "comment" && t[6] == "--comment")
            {
                id = t[7].Trim('"');
            }
            else if (t.Length != 6)
            {
                continue;
            }

            rules.Add(new ChainRule(target, BlockRule.IsValidId(id) ? id : null, "-D" + raw[2..]));
        }

        return rules;
    }

    /// <summary>
    /// Deletes what is stale for each target (another id, duplicates) and appends what is missing; a
    /// target already blocked once under the same id needs nothing.
    /// </summary>
    internal static List<string> ApplyLines(IReadOnlyList<BlockRule> rules, IReadOnlyList<ChainRule> existing)
    {
        var byTarget = existing.GroupBy(e => e.Target).ToDictionary(g => g.Key, g => g.ToList());
        var lines = new List<string>();
        foreach (var rule in rules)
        {
            var present = byTarget.GetValueOrDefault(rule.Target) ?? [];
            if (present.Count == 1 && present[0].DecisionId == rule.DecisionId)
            {
                continue;
            }

            lines.AddRange(present.Select(p => p.DeleteLine));
            lines.Add(AppendLine(rule));
        }

        return lines;
    }

    /// <summary>The id was checked by BlockRule.IsValidId, so it needs no quoting.</summary>
    internal static string AppendLine(BlockRule rule) => $"-A {Chain} -s {rule.Target} -m comment --comment {rule.DecisionId} -j DROP";
}
