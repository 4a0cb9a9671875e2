using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NetGuard.Testing.Lab;

namespace NetGuard.IntegrationTests.EndToEnd;

/// <summary>
/// The test's own nftables table in the victim's namespace (never NetGuard's): per watched source,
/// packets that arrived (prerouting, priority -300, before any filter) and packets delivered
/// (input, priority 100, after NetGuard's chain at -10 and iptables' filter at 0). A drop is final,
/// so arrived minus delivered is what the firewall stopped. Also reads NetGuard's own drop counters.
/// </summary>
internal sealed partial class PacketCounters
{
    private const string Table = "ngtest";
    private readonly string _ns;

    public PacketCounters(string ns, IEnumerable<string> sources)
    {
        _ns = ns;
        var script = new StringBuilder();
        script.Append(CultureInfo.InvariantCulture, $"add table inet {Table}\n");
        script.Append(CultureInfo.InvariantCulture, $"add chain inet {Table} arrived {{ type filter hook prerouting priority -300; policy accept; }}\n");
        script.Append(CultureInfo.InvariantCulture, $"add chain inet {Table} delivered {{ type filter hook input priority 100; policy accept; }}\n");
        foreach (var source in sources)
        {
            script.Append(CultureInfo.InvariantCulture, $"add rule inet {Table} arrived ip saddr {source} counter\n");
            script.Append(CultureInfo.InvariantCulture, $"add rule inet {Table} delivered ip saddr {source} counter\n");
        }

        ProcessRunner.Run("ip", ["netns", "exec", ns, "nft", "-f", "-"], TimeSpan.FromSeconds(30), script.ToString()).EnsureSuccess("nft -f (test counters)");
    }

    public readonly record struct Sample(long Arrived, long Delivered)
    {
        public long Stopped => Arrived - Delivered;

        public static Sample operator -(Sample a, Sample b) => new(a.Arrived - b.Arrived, a.Delivered - b.Delivered);
    }

    public Sample Read(string source) => new(Count("arrived", source), Count("delivered", source));

    /// <summary>Packets NetGuard's own rules dropped: nft "counter packets N" in table inet netguard, or iptables' NETGUARD chain (per source when given).</summary>
    public long NetGuardDropped(string enforcer, string? source = null)
    {
        if (enforcer == "nftables")
        {
            var listing = NetworkLab.Exec(_ns, "nft", "list", "chain", "inet", "netguard", "input").StandardOutput;
            return CounterPattern().Matches(listing).Sum(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        }

        var rules = NetworkLab.Exec(_ns, "iptables", "-w", "-L", "NETGUARD", "-v", "-x", "-n").StandardOutput;
        return rules.Split('\n')
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length >= 8 && f[2] == "DROP" && (source is null || f[7] == source))
            .Sum(f => long.Parse(f[0], CultureInfo.InvariantCulture));
    }

    /// <summary>The sources NetGuard's firewall blocks right now, read from the firewall itself.</summary>
    public IReadOnlyList<string> Blocked(string enforcer)
    {
        if (enforcer == "nftables")
        {
            var set = NetworkLab.Exec(_ns, "nft", "list", "set", "inet", "netguard", "blocked4").StandardOutput;
            var elements = set.Contains("elements = {", StringComparison.Ordinal) ? set[set.IndexOf("elements = {", StringComparison.Ordinal)..] : "";
            return [.. AddressPattern().Matches(elements).Select(m => m.Value)];
        }

        var rules = NetworkLab.Exec(_ns, "iptables", "-w", "-S", "NETGUARD").StandardOutput;
        return [.. rules.Split('\n')
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length > 3 && f[0] == "-A" && f[2] == "-s")
            .Select(f => f[3].Replace("/32", "", StringComparison.Ordinal))];
    }

    private long Count(string chain, string source)
    {
        var listing = NetworkLab.Exec(_ns, "nft", "list", "chain", "inet", Table, chain).StandardOutput;
        foreach (var line in listing.Split('\n'))
        {
            var match = SourceCounterPattern().Match(line);
            if (match.Success && match.Groups[1].Value == source)
            {
                return long.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"no counter for {source} in {chain}:\n{listing}");
    }

    [GeneratedRegex(@"counter packets (\d+)")]
    private static partial Regex CounterPattern();

    [GeneratedRegex(@"ip saddr (\S+) counter packets (\d+)")]
    private static partial Regex SourceCounterPattern();

    [GeneratedRegex(@"\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b")]
    private static partial Regex AddressPattern();
}
