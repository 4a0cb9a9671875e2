using System.Globalization;
using System.Text;
using NetGuard.Core.Packets;
using NetGuard.Core.Remediation;

namespace NetGuard.Enforcers.Linux;

/// <summary>The nft scripts, written only from validated values (addresses, prefix lengths, safe ids).</summary>
public sealed partial class NftablesEnforcer
{
    /// <summary>
    /// Creates what is missing and leaves set elements alone ("add" is idempotent for tables, sets and
    /// chains). Our two chains are flushed and refilled in the same transaction, so their rules are
    /// exactly these four each, however often this runs.
    /// </summary>
    internal static readonly string PrepareScript = BuildPrepareScript();

    internal const string TeardownScript = "add table inet netguard\ndelete table inet netguard\n";

    private static string BuildPrepareScript()
    {
        var s = new StringBuilder();
        s.Append("add table inet netguard\n");
        s.Append("add set inet netguard blocked4 { type ipv4_addr; flags timeout; }\n");
        s.Append("add set inet netguard blocked6 { type ipv6_addr; flags timeout; }\n");
        s.Append("add set inet netguard blocked4net { type ipv4_addr; flags interval,timeout; }\n");
        s.Append("add set inet netguard blocked6net { type ipv6_addr; flags interval,timeout; }\n");
        foreach (var hook in new[] { "input", "forward" })
        {
            s.Append(CultureInfo.InvariantCulture, $"add chain inet netguard {hook} {{ type filter hook {hook} priority -10; policy accept; }}\n");
            s.Append(CultureInfo.InvariantCulture, $"flush chain inet netguard {hook}\n");
            s.Append(CultureInfo.InvariantCulture, $"add rule inet netguard {hook} ip saddr @blocked4 counter drop\n");
            s.Append(CultureInfo.InvariantCulture, $"add rule inet netguard {hook} ip saddr @blocked4net counter drop\n");
            s.Append(CultureInfo.InvariantCulture, $"add rule inet netguard {hook} ip6 saddr @blocked6 counter drop\n");
            s.Append(CultureInfo.InvariantCulture, $"add rule inet netguard {hook} ip6 saddr @blocked6net counter drop\n");
        }

        return s.ToString();
    }

    /// <summary>
    /// Per set: add the keys (a no-op for those present), delete them, add them back with timeout and
    /// comment. One transaction, so no packet sees the gap, nothing fails on present or absent
    /// elements, and a block applied again gets its new TTL and id on any kernel.
    /// </summary>
    internal static string ApplyScript(IReadOnlyList<BlockRule> rules)
    {
        var s = new StringBuilder(rules.Count * 96);
        foreach (var (set, members) in BySet(rules, r => r.Target))
        {
            AppendElements(s, "add", set, members, (b, r) => b.Append(RuleBatch.Format(r.Target)));
            AppendElements(s, "delete", set, members, (b, r) => b.Append(RuleBatch.Format(r.Target)));
            AppendElements(s, "add", set, members, AppendElement);
        }

        return s.ToString();
    }

    /// <summary>
    /// Add then delete each key, so an absent element is not an error. Prefixes are kept only when
    /// <paramref name="presentNets"/> holds them exactly (see <see cref="RemoveAsync"/>).
    /// </summary>
    internal static string RemoveScript(IReadOnlyList<NetPrefix> targets, IReadOnlySet<NetPrefix> presentNets)
    {
        var s = new StringBuilder(targets.Count * 48);
        var kept = targets.Where(t => RuleBatch.IsHost(t) || presentNets.Contains(t)).ToList();
        foreach (var (set, members) in BySet(kept, t => t))
        {
            AppendElements(s, "add", set, members, (b, t) => b.Append(RuleBatch.Format(t)));
            AppendElements(s, "delete", set, members, (b, t) => b.Append(RuleBatch.Format(t)));
        }

        return s.ToString();
    }

    /// <summary>nft's duration syntax ("1d2h3m4s5ms"); plain milliseconds overflow past 49 days.</summary>
    internal static string FormatTimeout(TimeSpan ttl)
    {
        var ms = (long)Math.Ceiling(ttl.TotalMilliseconds);
        var s = new StringBuilder();
        foreach (var (unit, size) in new[] { ("d", 86_400_000L), ("h", 3_600_000L), ("m", 60_000L), ("s", 1_000L), ("ms", 1L) })
        {
            if (ms >= size)
            {
                s.Append(CultureInfo.InvariantCulture, $"{ms / size}{unit}");
                ms %= size;
            }
        }

        return s.Length == 0 ? "1ms" : s.ToString();
    }

    private static void AppendElement(StringBuilder s, BlockRule rule)
    {
        s.Append(RuleBatch.Format(rule.Target));
        if (rule.Ttl is { } ttl)
        {
            s.Append(" timeout ").Append(FormatTimeout(ttl));
        }

        // The id was checked by BlockRule.IsValidId: letters, digits, '-' and '_' need no escaping.
        s.Append(" comment \"").Append(rule.DecisionId).Append('"');
    }

    private static IEnumerable<(string Set, List<T> Members)> BySet<T>(IEnumerable<T> items, Func<T, NetPrefix> target) =>
        items.GroupBy(i => SetFor(target(i)), StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.ToList()));

    internal static string SetFor(NetPrefix target) => (target.IsIPv4, RuleBatch.IsHost(target)) switch
    {
        (true, true) => Hosts4,
        (true, false) => Nets4,
        (false, true) => Hosts6,
        (false, false) => Nets6,
    };

    private static void AppendElements<T>(StringBuilder s, string verb, string set, List<T> members, Action<StringBuilder, T> element)
    {
        s.Append(verb).Append(" element inet netguard ").Append(set).Append(" { ");
        for (var i = 0; i < members.Count; i++)
        {
            if (i > 0)
            {
                s.Append(", ");
            }

            element(s, members[i]);
        }

        s.Append(" }\n");
    }
}
