using NetGuard.Core.Packets;

namespace NetGuard.Enforcers.Windows.Tests;

/// <summary>The parser on output laid out as netsh prints it (CRLF, padded keys, "Ok." at the end).</summary>
public sealed class NetshOutputTests
{
    private const string Output =
        "\r\n" +
        "Rule Name:                            Core Networking - Destination Unreachable (ICMPv6-In)\r\n" +
        "----------------------------------------------------------------------\r\n" +
        "Enabled:                              Yes\r\n" +
        "Direction:                            In\r\n" +
        "Profiles:                             Domain,Private,Public\r\n" +
        "Grouping:                             Core Networking\r\n" +
        "LocalIP:                              Any\r\n" +
        "RemoteIP:                             Any\r\n" +
        "Protocol:                             ICMPv6\r\n" +
        "                                      Type    Code\r\n" +
        "                                      1       Any \r\n" +
        "Edge traversal:                       No\r\n" +
        "Action:                               Allow\r\n" +
        "\r\n" +
        "Rule Name:                            NetGuard ng-20240101-0001\r\n" +
        "----------------------------------------------------------------------\r\n" +
        "Enabled:                              Yes\r\n" +
        "Direction:                            In\r\n" +
        "Profiles:                             Domain,Private,Public\r\n" +
        "Grouping:                             \r\n" +
        "LocalIP:                              Any\r\n" +
        "RemoteIP:                             203.0.113.7/32,198.51.100.0/255.255.255.0,2001:db8::7/128,\r\n" +
        "                                      2001:db8:1::/48,192.0.2.5-192.0.2.5\r\n" +
        "Protocol:                             Any\r\n" +
        "Edge traversal:                       No\r\n" +
        "Action:                               Block\r\n" +
        "\r\n" +
        "Rule Name:                            NetGuard ng-odd\r\n" +
        "----------------------------------------------------------------------\r\n" +
        "Enabled:                              Yes\r\n" +
        "Direction:                            In\r\n" +
        "Grouping:                             NetGuard\r\n" +
        "RemoteIP:                             LocalSubnet,10.0.0.1-10.0.0.9,10.1.0.0/255.0.255.0,192.0.2.1\r\n" +
        "Action:                               Block\r\n" +
        "Ok.\r\n" +
        "\r\n";

    [Fact]
    public void ParseRules_ReadsNameGroupingDirectionActionAndRemotes()
    {
        var rules = NetshOutput.ParseRules(Output);

        Assert.Equal(["Core Networking - Destination Unreachable (ICMPv6-In)", "NetGuard ng-20240101-0001", "NetGuard ng-odd"], rules.Select(r => r.Name));
        Assert.Equal(("Core Networking", "In", "Allow", true), (rules[0].Grouping, rules[0].Direction, rules[0].Action, rules[0].HasOtherRemotes));
        Assert.Equal(("", "Block", false), (rules[1].Grouping, rules[1].Action, rules[1].HasOtherRemotes));
        Assert.Equal(
            ["203.0.113.7/32", "198.51.100.0/24", "2001:db8::7/128", "2001:db8:1::/48", "192.0.2.5/32"],
            rules[1].Targets.Select(t => t.ToString()));
        Assert.Equal(["192.0.2.1/32"], rules[2].Targets.Select(t => t.ToString()));
        Assert.True(rules[2].HasOtherRemotes);
    }

    [Fact]
    public void OwnerId_OnlyOurNameInboundWithoutForeignGrouping()
    {
        var rules = NetshOutput.ParseRules(Output);
        Assert.Equal([null, "ng-20240101-0001", "ng-odd"], rules.Select(WindowsFirewallEnforcer.OwnerId));
        Assert.Null(WindowsFirewallEnforcer.OwnerId(rules[1] with { Grouping = "Contoso" }));
        Assert.Null(WindowsFirewallEnforcer.OwnerId(rules[1] with { Direction = "Out" }));
        Assert.Null(WindowsFirewallEnforcer.OwnerId(rules[1] with { Name = "NetGuard has space" }));
        Assert.Null(WindowsFirewallEnforcer.OwnerId(rules[1] with { Name = "NetGuardng-1" }));
    }

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7/32")]
    [InlineData("203.0.113.7/32", "203.0.113.7/32")]
    [InlineData("10.0.0.0/255.0.0.0", "10.0.0.0/8")]
    [InlineData("2001:db8::/32", "2001:db8::/32")]
    [InlineData("192.0.2.5-192.0.2.5", "192.0.2.5/32")]
    public void TryParseRemote_Accepted(string entry, string expected)
    {
        Assert.True(NetshOutput.TryParseRemote(entry, out var prefix));
        Assert.Equal(NetPrefix.Parse(expected), prefix);
    }

    [Theory]
    [InlineData("Any")]
    [InlineData("LocalSubnet")]
    [InlineData("10.0.0.1-10.0.0.9")]
    [InlineData("10.0.0.0/255.0.255.0")]
    [InlineData("10.0.0.5/24")]
    [InlineData("")]
    public void TryParseRemote_NotABlockOfOurs(string entry) => Assert.False(NetshOutput.TryParseRemote(entry, out _));
}
