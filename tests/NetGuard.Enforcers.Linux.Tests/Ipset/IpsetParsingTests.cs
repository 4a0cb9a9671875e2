using NetGuard.Core.Packets;

namespace NetGuard.Enforcers.Linux.Tests.Ipset;

/// <summary>Reading <c>ipset save</c> and writing timeouts, without ipset (these run anywhere).</summary>
public sealed class IpsetParsingTests
{
    private const string Save = """
        create netguard4 hash:net family inet hashsize 1024 maxelem 1048576 timeout 0 comment bucketsize 12 initval 0x1
        add netguard4 203.0.113.7 timeout 1799 comment "ng-a"
        add netguard4 198.51.100.0/24 timeout 0 comment "ng-b"
        add netguard4 192.0.2.9 timeout 30
        add netguard4 192.0.2.10 timeout 30 comment "two words"
        add netguard4 0.0.0.0/0 timeout 0 comment "ng-wide"
        add other 192.0.2.11 comment "ng-c"
        add netguard4 2001:db8::1 comment "ng-d"
        """;

    [Fact]
    public void ParseSet_KeepsOurSetsValidMembers_WithIdAndRemainingTime()
    {
        var rules = IptablesEnforcer.ParseSet(Save, ipv4: true);

        Assert.Equal(
            [
                ("ng-a", NetPrefix.Parse("203.0.113.7"), (TimeSpan?)TimeSpan.FromSeconds(1799)),
                ("ng-b", NetPrefix.Parse("198.51.100.0/24"), null),
                (null, NetPrefix.Parse("192.0.2.9"), TimeSpan.FromSeconds(30)),
                (null, NetPrefix.Parse("192.0.2.10"), TimeSpan.FromSeconds(30)),
            ],
            rules.Select(r => (r.DecisionId, r.Target, r.Remaining)));
    }

    [Theory]
    [InlineData(null, "0")]
    [InlineData(0.2, "1")]
    [InlineData(3600.0, "3600")]
    [InlineData(3650 * 86400.0, "2147483")]
    public void TimeoutSeconds_NoTtlIsPermanent_OthersRoundUpWithinIpsetsLimit(double? seconds, string expected) =>
        Assert.Equal(expected, IptablesEnforcer.TimeoutSeconds(seconds is { } s ? TimeSpan.FromSeconds(s) : null));
}
