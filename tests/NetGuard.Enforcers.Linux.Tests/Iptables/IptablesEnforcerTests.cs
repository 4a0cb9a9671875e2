using NetGuard.Core.Packets;
using NetGuard.Core.Remediation;
using NetGuard.Enforcers.Linux.Tests.Lab;

namespace NetGuard.Enforcers.Linux.Tests.Iptables;

/// <summary>What only iptables does: jumps, the FORWARD option, repair of a chain someone changed. In a namespace made by the test.</summary>
public sealed class IptablesEnforcerTests : IDisposable
{
    private readonly FirewallNamespace _ns = FirewallNamespace.Create(IptablesContractTests.Tools);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Prepare_Repeated_JumpsExactlyOnceFirstInInput()
    {
        var enforcer = new IptablesEnforcer(_ns.Runner);
        _ns.Exec("iptables", "-w", "-A", "INPUT", "-s", "192.0.2.50", "-j", "ACCEPT");
        for (var i = 0; i < 3; i++)
        {
            await OkAsync(enforcer.PrepareAsync(Ct));
        }

        foreach (var tool in new[] { "iptables", "ip6tables" })
        {
            var input = Lines(_ns.Exec(tool, "-w", "-S", "INPUT")).Where(l => l.StartsWith("-A", StringComparison.Ordinal)).ToList();
            Assert.Equal("-A INPUT -j NETGUARD", input[0]);
            Assert.Single(input, l => l.Contains("NETGUARD", StringComparison.Ordinal));
            Assert.DoesNotContain("NETGUARD", _ns.Exec(tool, "-w", "-S", "FORWARD"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Prepare_ForwardOption_AddsAndLaterRemovesTheForwardJump()
    {
        await OkAsync(new IptablesEnforcer(_ns.Runner, new IptablesEnforcerOptions { Forward = true }).PrepareAsync(Ct));
        Assert.Single(Lines(_ns.Exec("iptables", "-w", "-S", "FORWARD")), l => l == "-A FORWARD -j NETGUARD");
        Assert.Single(Lines(_ns.Exec("ip6tables", "-w", "-S", "FORWARD")), l => l == "-A FORWARD -j NETGUARD");

        await OkAsync(new IptablesEnforcer(_ns.Runner).PrepareAsync(Ct));
        Assert.DoesNotContain("NETGUARD", _ns.Exec("iptables", "-w", "-S", "FORWARD"), StringComparison.Ordinal);
        Assert.Single(Lines(_ns.Exec("iptables", "-w", "-S", "INPUT")), l => l == "-A INPUT -j NETGUARD");
    }

    [Fact]
    public async Task Apply_AfterDuplicateAddedByHand_LeavesOneRule()
    {
        var enforcer = new IptablesEnforcer(_ns.Runner);
        var rule = new BlockRule("ng-dup", NetPrefix.Parse("203.0.113.60"), null);
        await OkAsync(enforcer.PrepareAsync(Ct));
        await OkAsync(enforcer.ApplyAsync([rule], Ct));
        _ns.Exec("iptables", "-w", "-A", "NETGUARD", "-s", "203.0.113.60/32", "-m", "comment", "--comment", "ng-dup", "-j", "DROP");
        Assert.Equal(2, (await enforcer.ListAsync(Ct)).Count);

        await OkAsync(enforcer.ApplyAsync([rule], Ct));

        Assert.Equal(new OwnedRule("ng-dup", rule.Target, null), Assert.Single(await enforcer.ListAsync(Ct)));
    }

    [Fact]
    public async Task Apply_AfterOurChainWasDeleted_RebuildsChainAndJump()
    {
        var enforcer = new IptablesEnforcer(_ns.Runner);
        await OkAsync(enforcer.PrepareAsync(Ct));
        _ns.Exec("iptables", "-w", "-D", "INPUT", "-j", "NETGUARD");
        _ns.Exec("iptables", "-w", "-X", "NETGUARD");

        await OkAsync(enforcer.ApplyAsync([new BlockRule("ng-back", NetPrefix.Parse("203.0.113.61"), null)], Ct));

        Assert.Single(await enforcer.ListAsync(Ct));
        Assert.Single(Lines(_ns.Exec("iptables", "-w", "-S", "INPUT")), l => l == "-A INPUT -j NETGUARD");
    }

    [Fact]
    public async Task Apply_IPv6WhenDisabled_IsRefusedAndIp6tablesUntouched()
    {
        var enforcer = new IptablesEnforcer(_ns.Runner, new IptablesEnforcerOptions { IPv6 = false });
        await OkAsync(enforcer.PrepareAsync(Ct));
        Assert.False(enforcer.Capabilities.IPv6);
        Assert.False((await enforcer.ApplyAsync([new BlockRule("ng-v6", NetPrefix.Parse("2001:db8::61"), null)], Ct)).Succeeded);
        Assert.NotEqual(0, _ns.Try("ip6tables", "-w", "-S", "NETGUARD").ExitCode);
    }

    [Fact]
    public async Task Teardown_OurChainWithAForeignRuleInIt_GoesWholeAndForeignChainsStay()
    {
        var enforcer = new IptablesEnforcer(_ns.Runner, new IptablesEnforcerOptions { Forward = true });
        IptablesContractTests.PlantForeign(_ns);
        var before = IptablesContractTests.ForeignState(_ns);
        await OkAsync(enforcer.PrepareAsync(Ct));

        // Someone else's rule inside our chain is not a block of ours, but goes with the chain.
        _ns.Exec("iptables", "-w", "-A", "NETGUARD", "-p", "tcp", "--dport", "22", "-j", "ACCEPT");
        Assert.Empty(await enforcer.ListAsync(Ct));

        await OkAsync(enforcer.TeardownAsync(Ct));
        Assert.Equal(before, IptablesContractTests.ForeignState(_ns));
        Assert.NotEqual(0, _ns.Try("iptables", "-w", "-S", "NETGUARD").ExitCode);
    }

    public void Dispose() => _ns.Dispose();

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static async Task OkAsync(ValueTask<EnforcementResult> call)
    {
        var result = await call;
        Assert.True(result.Succeeded, result.Error);
    }
}
