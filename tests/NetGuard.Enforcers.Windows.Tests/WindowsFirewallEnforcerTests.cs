using NetGuard.Core.Packets;
using NetGuard.Core.Remediation;
using NetGuard.Enforcers.Windows.Tests.Fakes;

namespace NetGuard.Enforcers.Windows.Tests;

/// <summary>The exact netsh argument lists the enforcer issues, recorded by the fake.</summary>
public sealed class WindowsFirewallEnforcerTests
{
    private static readonly string[] Show = ["advfirewall", "firewall", "show", "rule", "name=all", "dir=in"];

    private readonly FakeNetsh _netsh = new();
    private readonly WindowsFirewallEnforcer _enforcer;

    public WindowsFirewallEnforcerTests() => _enforcer = new WindowsFirewallEnforcer(_netsh);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Apply_NewDecision_ReadsThenAddsOneInboundBlockRuleNamedAfterIt()
    {
        await OkAsync(_enforcer.ApplyAsync(
            [new BlockRule("ng-1", NetPrefix.Parse("203.0.113.7"), TimeSpan.FromHours(1)), new BlockRule("ng-1", NetPrefix.Parse("2001:db8:1::/48"), null)], Ct));

        Assert.Equal(
            [
                Show,
                [
                    "advfirewall", "firewall", "add", "rule", "name=NetGuard ng-1", "dir=in", "action=block", "enable=yes", "profile=any",
                    "remoteip=203.0.113.7,2001:db8:1::/48", "description=NetGuard block for decision ng-1",
                ],
            ],
            _netsh.Calls);
        var rule = Assert.Single(_netsh.Rules);
        Assert.Equal(("NetGuard ng-1", "In", "Block", "203.0.113.7/32,2001:db8:1::/48"), (rule.Name, rule.Direction, rule.Action, rule.RemoteIp));
    }

    [Fact]
    public async Task Apply_Again_OnlyReads()
    {
        var rules = new[] { new BlockRule("ng-1", NetPrefix.Parse("198.51.100.0/24"), null), new BlockRule("ng-2", NetPrefix.Parse("203.0.113.9"), null) };
        await OkAsync(_enforcer.ApplyAsync(rules, Ct));
        _netsh.Calls.Clear();

        await OkAsync(_enforcer.ApplyAsync(rules, Ct));

        Assert.Equal([Show], _netsh.Calls);
    }

    [Fact]
    public async Task Apply_AnotherTargetForAnExistingDecision_SetsTheWholeList()
    {
        await OkAsync(_enforcer.ApplyAsync([new BlockRule("ng-1", NetPrefix.Parse("198.51.100.0/24"), null)], Ct));
        _netsh.Calls.Clear();

        await OkAsync(_enforcer.ApplyAsync([new BlockRule("ng-1", NetPrefix.Parse("203.0.113.9"), null)], Ct));

        Assert.Equal(
            [Show, ["advfirewall", "firewall", "set", "rule", "name=NetGuard ng-1", "dir=in", "new", "remoteip=198.51.100.0/24,203.0.113.9"]],
            _netsh.Calls);
    }

    [Fact]
    public async Task Apply_TargetHeldByAnotherDecision_AddsTheNewRuleBeforeDeletingTheOld()
    {
        await OkAsync(_enforcer.ApplyAsync([new BlockRule("ng-old", NetPrefix.Parse("203.0.113.9"), null)], Ct));
        _netsh.Calls.Clear();

        await OkAsync(_enforcer.ApplyAsync([new BlockRule("ng-new", NetPrefix.Parse("203.0.113.9"), null)], Ct));

        Assert.Equal(["show", "add", "delete"], _netsh.Calls.Select(c => c[2]));
        Assert.Equal("name=NetGuard ng-new", _netsh.Calls[1][4]);
        Assert.Equal(["advfirewall", "firewall", "delete", "rule", "name=NetGuard ng-old", "dir=in"], _netsh.Calls[2]);
    }

    [Fact]
    public async Task Remove_OneOfTwoTargets_SetsTheRest_RemoveTheLast_DeletesByName()
    {
        await OkAsync(_enforcer.ApplyAsync([new BlockRule("ng-1", NetPrefix.Parse("203.0.113.7"), null), new BlockRule("ng-1", NetPrefix.Parse("203.0.113.8"), null)], Ct));
        _netsh.Calls.Clear();

        await OkAsync(_enforcer.RemoveAsync([new BlockRule("ng-1", NetPrefix.Parse("203.0.113.7"), null)], Ct));
        await OkAsync(_enforcer.RemoveAsync([new BlockRule("orphan", NetPrefix.Parse("203.0.113.8"), null)], Ct));
        await OkAsync(_enforcer.RemoveAsync([new BlockRule("orphan", NetPrefix.Parse("203.0.113.8"), null)], Ct));

        Assert.Equal(
            [
                Show,
                ["advfirewall", "firewall", "set", "rule", "name=NetGuard ng-1", "dir=in", "new", "remoteip=203.0.113.8"],
                Show,
                ["advfirewall", "firewall", "delete", "rule", "name=NetGuard ng-1", "dir=in"],
                Show,
            ],
            _netsh.Calls);
    }

    [Fact]
    public async Task Teardown_DeletesOurRulesOnly()
    {
        _netsh.Rules.Add(new FakeRule { Name = "NetGuard Web", Action = "Allow", Grouping = "Contoso Web" });
        _netsh.Rules.Add(new FakeRule { Name = "NetGuard ng-out", Direction = "Out" });
        _netsh.Rules.Add(new FakeRule { Name = "NetGuard not valid!", RemoteIp = "192.0.2.1/32" });
        await OkAsync(_enforcer.ApplyAsync([new BlockRule("ng-1", NetPrefix.Parse("203.0.113.7"), null), new BlockRule("ng-2", NetPrefix.Parse("203.0.113.8"), null)], Ct));

        await OkAsync(_enforcer.TeardownAsync(Ct));

        Assert.Equal(
            [["advfirewall", "firewall", "add"], ["advfirewall", "firewall", "add"], ["advfirewall", "firewall", "delete"], ["advfirewall", "firewall", "delete"]],
            _netsh.Changes.Select(c => c[..3]));
        Assert.Equal(["NetGuard Web", "NetGuard ng-out", "NetGuard not valid!"], _netsh.Rules.Select(r => r.Name));
    }

    [Fact]
    public async Task Apply_RuleOfOursWithAnyAsRemote_IsRewrittenToItsTargets()
    {
        _netsh.Rules.Add(new FakeRule { Name = "NetGuard ng-1", RemoteIp = "Any" });

        await OkAsync(_enforcer.ApplyAsync([new BlockRule("ng-1", NetPrefix.Parse("203.0.113.7"), null)], Ct));

        Assert.Equal("203.0.113.7/32", Assert.Single(_netsh.Rules).RemoteIp);
    }

    [Fact]
    public async Task Apply_TooManyTargetsForOneRule_FailsBeforeAnyChange()
    {
        var rules = Enumerable.Range(0, WindowsFirewallEnforcer.MaxTargetsPerRule + 1)
            .Select(i => new BlockRule("ng-big", NetPrefix.Parse($"2001:db8::{i:x}"), null))
            .ToList();

        var result = await _enforcer.ApplyAsync(rules, Ct);

        Assert.False(result.Succeeded);
        Assert.Empty(_netsh.Changes);
    }

    [Fact]
    public async Task Apply_WhenNetshRefuses_ReturnsItsWords()
    {
        _netsh.Fault = args => args[2] == "add" ? new CommandResult(1, "The requested operation requires elevation (Run as administrator).\r\n\r\n", "") : null;

        var result = await _enforcer.ApplyAsync([new BlockRule("ng-1", NetPrefix.Parse("203.0.113.7"), null)], Ct);

        Assert.False(result.Succeeded);
        Assert.Contains("requires elevation", result.Error, StringComparison.Ordinal);
        Assert.Contains("NetGuard ng-1", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_EmptyPolicy_NetshSaysNoRulesMatch_IsEmpty()
    {
        Assert.Empty(await _enforcer.ListAsync(Ct));
        Assert.True((await _enforcer.PrepareAsync(Ct)).Succeeded);
    }

    [Fact]
    public async Task List_SameNamedRulesTwice_MergesTheirTargets()
    {
        _netsh.Rules.Add(new FakeRule { Name = "NetGuard ng-1", RemoteIp = "203.0.113.7/32" });
        _netsh.Rules.Add(new FakeRule { Name = "NetGuard ng-1", RemoteIp = "203.0.113.8/32,203.0.113.7/32" });

        var owned = await _enforcer.ListAsync(Ct);

        Assert.Equal(["203.0.113.7/32", "203.0.113.8/32"], owned.Select(o => o.Target.ToString()).Order(StringComparer.Ordinal));
        Assert.All(owned, o => Assert.Equal("ng-1", o.DecisionId));
    }

    [Fact]
    public void Capabilities_NoKernelTtl_PrefixesAndIPv6()
    {
        Assert.Equal("windows", _enforcer.Name);
        Assert.Equal((false, true, true), (_enforcer.Capabilities.KernelTtl, _enforcer.Capabilities.Prefixes, _enforcer.Capabilities.IPv6));
    }

    private static async Task OkAsync(ValueTask<EnforcementResult> call)
    {
        var result = await call;
        Assert.True(result.Succeeded, result.Error);
    }
}
