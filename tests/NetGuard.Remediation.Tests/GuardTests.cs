using NetGuard.Core.Remediation;
using NetGuard.Remediation.Operator;

namespace NetGuard.Remediation.Tests;

public class GuardTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("169.254.10.1")]
    [InlineData("fe80::1")]
    [InlineData("224.0.0.251")]
    [InlineData("255.255.255.255")]
    [InlineData("0.0.0.0")]
    [InlineData("192.0.2.55")]
    public void OnAnomaly_ProtectedOrAllowlisted_NeverBlocked(string address)
    {
        using var h = new Harness(o => o.Allowlist.Add("192.0.2.0/24")).Start();
        h.Alert(address);
        Assert.Empty(h.Engine.Decisions);
        Assert.Empty(h.Enforcer.Rules);
    }

    [Fact]
    public void ProtectedNetworks_HostAddressesAndGateways_AreProtected()
    {
        var networks = Guards.ProtectedNetworks.Build([], includeHost: true);
        foreach (var nic in System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces())
        {
            foreach (var address in nic.GetIPProperties().UnicastAddresses.Select(u => u.Address))
            {
                var a = Core.Packets.NetAddress.FromIPAddress(address);
                Assert.NotNull(networks.Why(new Core.Packets.NetPrefix(a, a.IsIPv4 ? 32 : 128)));
            }

            foreach (var gateway in nic.GetIPProperties().GatewayAddresses.Select(g => g.Address))
            {
                var g = Core.Packets.NetAddress.FromIPAddress(gateway);
                Assert.NotNull(networks.Why(new Core.Packets.NetPrefix(g, 24)));
            }
        }
    }

    [Fact]
    public async Task ManualBlock_PrefixHoldingAnAllowlistedAddress_Refused()
    {
        using var h = new Harness(o => o.Allowlist.Add("198.51.100.7")).Start();
        await h.Engine.ApplyOperatorAsync(new OperatorDocument { Block = [new ManualBlock { Target = "198.51.100.0/24" }] }, CancellationToken.None);
        Assert.Empty(h.Engine.Decisions);
        Assert.Contains(h.Notices, n => n.Contains("refused", StringComparison.Ordinal) && n.Contains("allowlist", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ManualBlock_WiderThanAllowed_Refused()
    {
        using var h = new Harness().Start();
        await h.Engine.ApplyOperatorAsync(new OperatorDocument { Block = [new ManualBlock { Target = "203.0.0.0/16" }, new ManualBlock { Target = "2001:db8::/32" }] }, CancellationToken.None);
        Assert.Empty(h.Engine.Decisions);
        Assert.Equal(2, h.Notices.Count(n => n.Contains("wider than", StringComparison.Ordinal)));
    }

    [Fact]
    public void Caps_NewBlocksPerMinute_FallsBackToProposalsWithNotice()
    {
        using var h = new Harness(o => o.MaxNewBlocksPerMinute = 3).Start();
        for (var i = 1; i <= 5; i++)
        {
            h.Alert($"203.0.113.{i}");
        }

        Assert.Equal(3, h.Engine.Decisions.Count(d => d.State == DecisionState.Active));
        Assert.Equal(2, h.Engine.Decisions.Count(d => d.State == DecisionState.Proposed));
        Assert.Equal(2, h.Notices.Count(n => n.Contains("MaxNewBlocksPerMinute", StringComparison.Ordinal)));

        // A minute later there is room again.
        h.Time.Advance(TimeSpan.FromSeconds(61));
        h.Alert("203.0.113.9");
        Assert.Equal(DecisionState.Active, h.Only("203.0.113.9").State);
    }

    [Fact]
    public void Caps_MaxActiveBlocks_FallsBackToProposals()
    {
        using var h = new Harness(o => o.MaxActiveBlocks = 2).Start();
        for (var i = 1; i <= 4; i++)
        {
            h.Alert($"203.0.113.{i}");
        }

        Assert.Equal(2, h.Engine.Decisions.Count(d => d.State == DecisionState.Active));
        Assert.Contains(h.Notices, n => n.Contains("MaxActiveBlocks", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RolledBackTarget_NotProposedAgainWithinSuppressionWindow()
    {
        using var h = new Harness(o => o.RollbackSuppression = TimeSpan.FromMinutes(30)).Start();
        h.Alert("203.0.113.7");
        await h.Engine.ApplyOperatorAsync(new OperatorDocument { Rollback = ["203.0.113.7"] }, CancellationToken.None);
        Assert.Equal(DecisionState.RolledBack, h.Only("203.0.113.7").State);

        h.Time.Advance(TimeSpan.FromMinutes(29));
        h.Alert("203.0.113.7");
        Assert.Single(h.Engine.Decisions);

        h.Time.Advance(TimeSpan.FromMinutes(2));
        h.Alert("203.0.113.7");
        Assert.Equal(2, h.Engine.Decisions.Count);
    }
}
