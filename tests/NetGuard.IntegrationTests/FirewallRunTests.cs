using NetGuard.Testing.Lab;

namespace NetGuard.IntegrationTests;

/// <summary>
/// The daemon with a real firewall inside the victim's namespace: a flood from the attacker's
/// namespace is blocked (its packets then dropped by the kernel), and a rollback through the CLI
/// lets traffic flow again. Nothing here touches the machine's own namespace.
/// </summary>
public class FirewallRunTests
{
    [Theory]
    [InlineData("nftables", 35)]
    [InlineData("iptables", 36)]
    [InlineData("iptables+ipset", 37)]
    public void Run_AutoWithRealFirewall_FloodBlockedThenRollbackRestoresTraffic(string variant, int subnet)
    {
        if (NetworkLab.Unavailable is { } reason)
        {
            Assert.Skip(reason);
        }

        var enforcer = variant == "nftables" ? "nftables" : "iptables";
        var ipset = variant.EndsWith("+ipset", StringComparison.Ordinal);
        foreach (var tool in new[] { "hping3", "ping", enforcer == "nftables" ? "nft" : "iptables", ipset ? "ipset" : "ping" })
        {
            if (!ProcessRunner.Exists(tool))
            {
                Assert.Skip($"{tool} is not installed (.ci/run installs it)");
            }
        }

        using var lab = NetworkLab.Create(subnet);
        var attacker = NetworkLab.AddressA(subnet);
        var victim = NetworkLab.AddressB(subnet);
        using var daemon = new Daemon(lab, new Dictionary<string, string>
        {
            ["NetGuard__Remediation__Mode"] = "Auto",
            ["NetGuard__Remediation__Enforcer"] = enforcer,
            ["NetGuard__Remediation__Ipset"] = ipset ? "true" : "false",
        });
        daemon.WaitFor("Capturing on", TimeSpan.FromSeconds(30));
        Assert.True(Ping(lab, victim), "the link must work before the attack");

        NetworkLab.Exec(lab.NamespaceA, "hping3", "-q", "-S", "-p", "80", "-c", "3000", "-i", "u200", victim);
        daemon.WaitForBlockLine(l => l.Contains(" Active ", StringComparison.Ordinal) && l.Contains(attacker, StringComparison.Ordinal), TimeSpan.FromSeconds(20));

        Assert.Contains(attacker, Blocked(lab, enforcer, ipset), StringComparison.Ordinal);
        Assert.False(Ping(lab, victim), "the blocked attacker's packets must be dropped");
        Assert.True(DroppedPackets(lab, enforcer) > 0, "the drop rule counted nothing:\n" + Listing(lab, enforcer));

        Assert.Equal(0, daemon.Cli("rollback", attacker).ExitCode);
        daemon.WaitForBlockLine(l => l.Contains(" RolledBack ", StringComparison.Ordinal) && l.Contains(attacker, StringComparison.Ordinal), TimeSpan.FromSeconds(20));
        Assert.DoesNotContain(attacker, Blocked(lab, enforcer, ipset), StringComparison.Ordinal);
        Assert.True(Ping(lab, victim), "traffic must flow again after the rollback");
        Assert.Equal(0, daemon.Stop());
    }

    private static bool Ping(NetworkLab lab, string address) =>
        ProcessRunner.Run("ip", ["netns", "exec", lab.NamespaceA, "ping", "-c", "2", "-W", "1", "-i", "0.2", address], TimeSpan.FromSeconds(20)).ExitCode == 0;

    /// <summary>Where the blocks are: the nft table, the iptables chain, or (ipset) the set's members.</summary>
    private static string Blocked(NetworkLab lab, string enforcer, bool ipset) => ipset
        ? NetworkLab.Exec(lab.NamespaceB, "ipset", "save", "netguard4").StandardOutput
        : Listing(lab, enforcer);

    private static string Listing(NetworkLab lab, string enforcer) => enforcer == "nftables"
        ? NetworkLab.Exec(lab.NamespaceB, "nft", "list", "table", "inet", "netguard").StandardOutput
        : NetworkLab.Exec(lab.NamespaceB, "iptables", "-w", "-L", "NETGUARD", "-v", "-x", "-n").StandardOutput;

    /// <summary>Packets counted by NetGuard's drop rules: nft "counter packets N", iptables' first column.</summary>
    private static long DroppedPackets(NetworkLab lab, string enforcer)
    {
        var listing = Listing(lab, enforcer);
        if (enforcer == "nftables")
        {
            return System.Text.RegularExpressions.Regex.Matches(listing, @"counter packets (\d+)")
                .Sum(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        }

        return listing.Split('\n')
            .Where(l => l.Contains("DROP", StringComparison.Ordinal))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0])
            .Sum(v => long.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0);
    }
}
