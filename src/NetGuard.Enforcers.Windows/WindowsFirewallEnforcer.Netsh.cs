using NetGuard.Core.Packets;
using NetGuard.Core.Remediation;

namespace NetGuard.Enforcers.Windows;

/// <summary>The netsh command lines, and turning our rules into the wanted ones with the fewest of them.</summary>
public sealed partial class WindowsFirewallEnforcer
{
    internal static string RuleName(string decisionId) => NamePrefix + decisionId;

    /// <summary>"203.0.113.7" for one address, "198.51.100.0/24" for a prefix; comma-separated as netsh wants.</summary>
    internal static string RemoteList(IEnumerable<NetPrefix> targets) =>
        string.Join(',', targets.Select(t => t.Length == (t.IsIPv4 ? 32 : 128) ? t.Network.ToString() : t.ToString()));

    internal static string[] ShowArguments() => ["advfirewall", "firewall", "show", "rule", "name=all", "dir=in"];

    internal static string[] AddArguments(string id, IEnumerable<NetPrefix> targets) =>
    [
        "advfirewall", "firewall", "add", "rule", "name=" + RuleName(id), "dir=in", "action=block", "enable=yes", "profile=any",
        "remoteip=" + RemoteList(targets), "description=NetGuard block for decision " + id,
    ];

    internal static string[] SetArguments(string id, IEnumerable<NetPrefix> targets) =>
        ["advfirewall", "firewall", "set", "rule", "name=" + RuleName(id), "dir=in", "new", "remoteip=" + RemoteList(targets)];

    internal static string[] DeleteArguments(string id) => ["advfirewall", "firewall", "delete", "rule", "name=" + RuleName(id), "dir=in"];

    /// <summary>Turns our rules from <paramref name="owned"/> into <paramref name="desired"/> with the fewest netsh calls.</summary>
    private async Task<EnforcementResult> ConvergeAsync(Dictionary<string, OwnedNetshRule> owned, Dictionary<string, List<NetPrefix>> desired, CancellationToken cancellationToken)
    {
        var first = new List<string[]>();
        var last = new List<string[]>();
        foreach (var (id, targets) in desired.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            if (targets.Count > MaxTargetsPerRule)
            {
                return EnforcementResult.Failed($"netsh: decision {id} would hold {targets.Count} targets, more than {MaxTargetsPerRule} in one rule");
            }

            if (!owned.TryGetValue(id, out var current))
            {
                if (targets.Count > 0)
                {
                    first.Add(AddArguments(id, targets));
                }
            }
            else if (targets.Count == 0)
            {
                last.Add(DeleteArguments(id));
            }
            else if (current.Dirty || !targets.ToHashSet().SetEquals(current.Targets))
            {
                (targets.All(current.Targets.Contains) ? last : first).Add(SetArguments(id, targets));
            }
        }

        foreach (var arguments in first.Concat(last))
        {
            var result = await _runner.TryRunAsync(Netsh, arguments, null, _timeout, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                return EnforcementResult.Failed(Describe($"netsh {arguments[2]} rule \"{arguments[4][5..]}\"", result));
            }
        }

        return EnforcementResult.Ok;
    }

    /// <summary>netsh writes its errors to standard output, so both streams are the tool's words.</summary>
    private static string Describe(string what, CommandResult result) =>
        CommandRunning.Describe(what, result, CommandRunning.FirstLines(result.StandardError + "\n" + result.StandardOutput));
}
