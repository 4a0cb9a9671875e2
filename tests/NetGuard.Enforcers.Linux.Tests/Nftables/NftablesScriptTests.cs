using NetGuard.Core.Packets;
using NetGuard.Core.Remediation;

namespace NetGuard.Enforcers.Linux.Tests.Nftables;

/// <summary>The scripts and parsing, without nft (these run anywhere).</summary>
public sealed class NftablesScriptTests
{
    [Fact]
    public void ApplyScript_OneSetPerKind_AddDeleteAddWithTimeoutAndComment()
    {
        var script = NftablesEnforcer.ApplyScript(
        [
            new BlockRule("ng-a", NetPrefix.Parse("203.0.113.7"), TimeSpan.FromHours(1)),
            new BlockRule("ng-b", NetPrefix.Parse("198.51.100.0/24"), null),
            new BlockRule("ng-c", NetPrefix.Parse("2001:db8::7"), TimeSpan.FromMilliseconds(1500)),
            new BlockRule("ng-d", NetPrefix.Parse("203.0.113.8"), TimeSpan.FromDays(400)),
        ]);

        Assert.Equal(
            """
            add element inet netguard blocked4 { 203.0.113.7, 203.0.113.8 }
            delete element inet netguard blocked4 { 203.0.113.7, 203.0.113.8 }
            add element inet netguard blocked4 { 203.0.113.7 timeout 1h comment "ng-a", 203.0.113.8 timeout 400d comment "ng-d" }
            add element inet netguard blocked4net { 198.51.100.0/24 }
            delete element inet netguard blocked4net { 198.51.100.0/24 }
            add element inet netguard blocked4net { 198.51.100.0/24 comment "ng-b" }
            add element inet netguard blocked6 { 2001:db8::7 }
            delete element inet netguard blocked6 { 2001:db8::7 }
            add element inet netguard blocked6 { 2001:db8::7 timeout 1s500ms comment "ng-c" }

            """.ReplaceLineEndings("\n"),
            script);
    }

    [Fact]
    public void RemoveScript_PrefixesOnlyWhenPresentExactly()
    {
        var script = NftablesEnforcer.RemoveScript(
            [NetPrefix.Parse("203.0.113.7"), NetPrefix.Parse("198.51.100.0/24"), NetPrefix.Parse("10.0.0.0/8"), NetPrefix.Parse("2001:db8::/32")],
            new HashSet<NetPrefix> { NetPrefix.Parse("198.51.100.0/24") });

        Assert.Equal(
            """
            add element inet netguard blocked4 { 203.0.113.7 }
            delete element inet netguard blocked4 { 203.0.113.7 }
            add element inet netguard blocked4net { 198.51.100.0/24 }
            delete element inet netguard blocked4net { 198.51.100.0/24 }

            """.ReplaceLineEndings("\n"),
            script);
    }

    [Fact]
    public void PrepareScript_CreatesWithoutFlushingSetsAndRefillsOnlyOurChains()
    {
        var lines = NftablesEnforcer.PrepareScript.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, l => Assert.Contains("inet netguard", l, StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("flush set", StringComparison.Ordinal) || l.StartsWith("flush table", StringComparison.Ordinal) || l.StartsWith("flush ruleset", StringComparison.Ordinal));
        Assert.Equal(["flush chain inet netguard input", "flush chain inet netguard forward"], lines.Where(l => l.StartsWith("flush", StringComparison.Ordinal)));
        Assert.Equal(8, lines.Count(l => l.StartsWith("add rule", StringComparison.Ordinal) && l.EndsWith("counter drop", StringComparison.Ordinal)));
        Assert.Contains("policy accept", lines.Single(l => l.StartsWith("add chain inet netguard input", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.4, "1ms")]
    [InlineData(1, "1ms")]
    [InlineData(1000, "1s")]
    [InlineData(61_001, "1m1s1ms")]
    [InlineData(93_784_005, "1d2h3m4s5ms")]
    [InlineData(315_360_000_000, "3650d")]
    public void FormatTimeout_UsesUnitsSoLongTimeoutsDoNotOverflow(double milliseconds, string expected) =>
        Assert.Equal(expected, NftablesEnforcer.FormatTimeout(TimeSpan.FromMilliseconds(milliseconds)));

    [Fact]
    public void ParseList_ReadsPlainPrefixedAndDetailedElementsOfOurSetsOnly()
    {
        const string Json = """
            {"nftables": [{"metainfo": {"version": "1.0.6", "release_name": "Lester Gooch #5", "json_schema_version": 1}},
             {"table": {"family": "inet", "name": "netguard", "handle": 3}},
             {"set": {"family": "inet", "name": "blocked4", "table": "netguard", "type": "ipv4_addr", "handle": 1, "flags": ["timeout"],
               "elem": [{"elem": {"val": "203.0.113.7", "timeout": 3600, "expires": 3595, "comment": "ng-a"}}, "203.0.113.8"]}},
             {"set": {"family": "inet", "name": "blocked4net", "table": "netguard", "type": "ipv4_addr", "handle": 2, "flags": ["interval", "timeout"],
               "elem": [{"elem": {"val": {"prefix": {"addr": "198.51.100.0", "len": 24}}, "comment": "ng-b"}}, {"range": ["10.0.0.1", "10.0.0.9"]}]}},
             {"set": {"family": "inet", "name": "blocked6", "table": "netguard", "type": "ipv6_addr", "handle": 3, "flags": ["timeout"],
               "elem": [{"elem": {"val": "2001:db8::7", "timeout": 90, "expires": 12, "comment": "bad id \" here"}}]}},
             {"set": {"family": "inet", "name": "blocked6net", "table": "netguard", "type": "ipv6_addr", "handle": 4, "flags": ["interval", "timeout"]}},
             {"set": {"family": "inet", "name": "other", "table": "netguard", "type": "ipv4_addr", "handle": 5, "elem": ["192.0.2.1"]}},
             {"chain": {"family": "inet", "table": "netguard", "name": "input", "handle": 6, "type": "filter", "hook": "input", "prio": -10, "policy": "accept"}}]}
            """;

        var owned = NftablesEnforcer.ParseList(Json);

        Assert.Equal(
            [
                new OwnedRule("ng-a", NetPrefix.Parse("203.0.113.7"), TimeSpan.FromSeconds(3595)),
                new OwnedRule(null, NetPrefix.Parse("203.0.113.8"), null),
                new OwnedRule("ng-b", NetPrefix.Parse("198.51.100.0/24"), null),
                new OwnedRule(null, NetPrefix.Parse("2001:db8::7"), TimeSpan.FromSeconds(12)),
            ],
            owned);
    }

    [Fact]
    public void DescribeErrors_KeepsMessageAndCulpritNotTheWholeStatement()
    {
        var statement = "add element inet netguard blocked4net { " + string.Join(", ", Enumerable.Range(0, 5000).Select(i => $"10.{i / 250}.{i % 250}.0/24")) + ", 10.1.2.0/23 }";
        var caret = new string(' ', statement.Length - "10.1.2.0/23 }".Length) + "^^^^^^^^^^^";
        var stderr = $"/dev/stdin:3:1-11: Error: interval overlaps with an existing one\n{statement}\n{caret}\n";

        var described = NftablesEnforcer.DescribeErrors(stderr);

        Assert.Equal("Error: interval overlaps with an existing one: 10.1.2.0/23", described);
    }

    [Fact]
    public void ParseList_NotJson_ThrowsInvalidOperation() =>
        Assert.Throws<InvalidOperationException>(() => NftablesEnforcer.ParseList("Error: something"));

    [Fact]
    public void DescribeErrors_WithoutErrorLines_IsNull() => Assert.Null(NftablesEnforcer.DescribeErrors("warning: something\n"));
}
