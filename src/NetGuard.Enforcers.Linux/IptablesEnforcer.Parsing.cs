using NetGuard.Core.Packets;
using NetGuard.Core.Remediation;

namespace NetGuard.Enforcers.Linux;

/// <summary>Reading <c>iptables -S NETGUARD</c>.</summary>
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
}
