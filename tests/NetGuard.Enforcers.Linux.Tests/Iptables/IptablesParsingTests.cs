using NetGuard.Core.Packets;
using NetGuard.Core.Remediation;

namespace NetGuard.Enforcers.Linux.Tests.Iptables;

/// <summary>Reading <c>-S NETGUARD</c> and computing restore lines, without iptables (these run anywhere).</summary>
public sealed class IptablesParsingTests
{
    private const string ChainV4 = """
        -N NETGUARD
        -A NETGUARD -s 203.0.113.7/32 -m comment --comment ng-a -j DROP
        -A NETGUARD -s 198.51.100.0/24 -m comment --comment "ng-b" -j DROP
        -A NETGUARD -s 192.0.2.9/32 -j DROP
        -A NETGUARD -s 192.0.2.10/32 -p tcp -m tcp --dport 22 -j DROP
        -A NETGUARD -s 192.0.2.11/32 -j ACCEPT
        -A NETGUARD -s 2001:db8::1/128 -j DROP
        -A NETGUARD -s 192.0.2.12/32 -m comment --comment "two words" -j DROP
        """;

    [Fact]
    public void ParseChain_KeepsOnlyTheShapesItWrites()
    {
        var rules = IptablesEnforcer.ParseChain(ChainV4, ipv4: true);

        Assert.Equal(
            [
                (NetPrefix.Parse("203.0.113.7"), "ng-a", "-D NETGUARD -s 203.0.113.7/32 -m comment --comment ng-a -j DROP"),
                (NetPrefix.Parse("198.51.100.0/24"), "ng-b", "-D NETGUARD -s 198.51.100.0/24 -m comment --comment \"ng-b\" -j DROP"),
                (NetPrefix.Parse("192.0.2.9"), null, "-D NETGUARD -s 192.0.2.9/32 -j DROP"),
            ],
            rules.Select(r => (r.Target, r.DecisionId, r.DeleteLine)));
    }

    [Fact]
    public void ParseChain_IPv6()
    {
        var rule = Assert.Single(IptablesEnforcer.ParseChain("-N NETGUARD\n-A NETGUARD -s 2001:db8:1::/48 -m comment --comment ng-6 -j DROP\n", ipv4: false));
        Assert.Equal((NetPrefix.Parse("2001:db8:1::/48"), "ng-6"), (rule.Target, rule.DecisionId));
    }

    [Fact]
    public void ApplyLines_SkipsWhatIsInPlace_ReplacesStaleLabelsAndDuplicates()
    {
        var existing = IptablesEnforcer.ParseChain(
            """
            -A NETGUARD -s 203.0.113.7/32 -m comment --comment ng-a -j DROP
            -A NETGUARD -s 203.0.113.8/32 -m comment --comment ng-old -j DROP
            -A NETGUARD -s 203.0.113.9/32 -m comment --comment ng-c -j DROP
            -A NETGUARD -s 203.0.113.9/32 -m comment --comment ng-c -j DROP
            """,
            ipv4: true);

        var lines = IptablesEnforcer.ApplyLines(
            [
                new BlockRule("ng-a", NetPrefix.Parse("203.0.113.7"), null),
                new BlockRule("ng-b", NetPrefix.Parse("203.0.113.8"), null),
                new BlockRule("ng-c", NetPrefix.Parse("203.0.113.9"), null),
                new BlockRule("ng-d", NetPrefix.Parse("198.51.100.0/24"), TimeSpan.FromHours(1)),
            ],
            existing);

        Assert.Equal(
            [
                "-D NETGUARD -s 203.0.113.8/32 -m comment --comment ng-old -j DROP",
                "-A NETGUARD -s 203.0.113.8/32 -m comment --comment ng-b -j DROP",
                "-D NETGUARD -s 203.0.113.9/32 -m comment --comment ng-c -j DROP",
                "-D NETGUARD -s 203.0.113.9/32 -m comment --comment ng-c -j DROP",
                "-A NETGUARD -s 203.0.113.9/32 -m comment --comment ng-c -j DROP",
                "-A NETGUARD -s 198.51.100.0/24 -m comment --comment ng-d -j DROP",
            ],
            lines);
    }
}
