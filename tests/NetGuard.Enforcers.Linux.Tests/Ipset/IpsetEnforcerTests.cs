using NetGuard.Core.Packets;
using NetGuard.Core.Remediation;
using NetGuard.Enforcers.Linux.Tests.Lab;

namespace NetGuard.Enforcers.Linux.Tests.Ipset;

/// <summary>What only the ipset variant does: kernel timeouts, one match rule, switching to and from plain rules. In a namespace made by the test.</summary>
public sealed class IpsetEnforcerTests : IDisposable
{
    private static readonly NetPrefix Host = NetPrefix.Parse("203.0.113.9");
    private readonly FirewallNamespace _ns = FirewallNamespace.Create(IpsetContractTests.Tools);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IptablesEnforcer Sets => new(_ns.Runner, new IptablesEnforcerOptions { UseIpset = true });

    private IptablesEnforcer Plain => new(_ns.Runner);

    [Fact]
    public async Task Apply_WithTtl_ExpiresInTheKernel()
    {
        await OkAsync(Sets.PrepareAsync(Ct));
        await OkAsync(Sets.ApplyAsync([new BlockRule("ng-short", Host, TimeSpan.FromSeconds(2))], Ct));
        Assert.Contains("203.0.113.9", _ns.Exec("ipset", "save", "netguard4"), StringComparison.Ordinal);

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (_ns.Exec("ipset", "save", "netguard4").Contains("203.0.113.9", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, Ct);
        }

        Assert.DoesNotContain("203.0.113.9", _ns.Exec("ipset", "save", "netguard4"), StringComparison.Ordinal);
        Assert.Empty(await Sets.ListAsync(Ct));
    }

    [Fact]
    public async Task Prepare_Repeated_OneMatchRulePerFamilyAndNoPerAddressRules()
    {
        for (var i = 0; i < 3; i++)
        {
            await OkAsync(Sets.PrepareAsync(Ct));
        }

        await OkAsync(Sets.ApplyAsync([new BlockRule("ng-a", Host, null), new BlockRule("ng-b", NetPrefix.Parse("2001:db8::9"), null)], Ct));
        Assert.Equal(["-A NETGUARD -m set --match-set netguard4 src -j DROP"], Rules("iptables"));
        Assert.Equal(["-A NETGUARD -m set --match-set netguard6 src -j DROP"], Rules("ip6tables"));
    }

    [Fact]
    public async Task SwitchingFromPlainRulesToSetsAndBack_LeavesOnlyTheCurrentWay()
    {
        var rule = new BlockRule("ng-switch", Host, null);
        await OkAsync(Plain.PrepareAsync(Ct));
        await OkAsync(Plain.ApplyAsync([rule], Ct));
        Assert.Single(Rules("iptables"), l => l.Contains("203.0.113.9", StringComparison.Ordinal));

        // To sets: Prepare deletes the per-address rule; the engine's reconciliation then applies again.
        await OkAsync(Sets.PrepareAsync(Ct));
        Assert.Empty(await Sets.ListAsync(Ct));
        await OkAsync(Sets.ApplyAsync([rule], Ct));
        Assert.Equal([("ng-switch", Host)], (await Sets.ListAsync(Ct)).Select(r => (r.DecisionId, r.Target)));
        Assert.DoesNotContain(Rules("iptables"), l => l.Contains("203.0.113.9", StringComparison.Ordinal));

        // And back: the set no longer matches, so its members block nothing and are not listed.
        await OkAsync(Plain.PrepareAsync(Ct));
        Assert.DoesNotContain(Rules("iptables"), l => l.Contains("match-set", StringComparison.Ordinal));
        Assert.Empty(await Plain.ListAsync(Ct));
    }

    [Fact]
    public async Task Apply_AfterAFirewallFlush_RestoresTheMatchRule()
    {
        await OkAsync(Sets.PrepareAsync(Ct));
        await OkAsync(Sets.ApplyAsync([new BlockRule("ng-a", Host, null)], Ct));
        _ns.Exec("iptables", "-w", "-F", "NETGUARD");

        // The set still holds the block, but nothing matches it: it is not listed as in force.
        Assert.Empty(await Sets.ListAsync(Ct));
        await OkAsync(Sets.ApplyAsync([new BlockRule("ng-a", Host, null)], Ct));
        Assert.Equal(["-A NETGUARD -m set --match-set netguard4 src -j DROP"], Rules("iptables"));
        Assert.Single(await Sets.ListAsync(Ct));
    }

    public void Dispose() => _ns.Dispose();

    private List<string> Rules(string tool) =>
        [.. _ns.Exec(tool, "-w", "-S", "NETGUARD").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => l.StartsWith("-A", StringComparison.Ordinal))];

    private static async Task OkAsync(ValueTask<EnforcementResult> call)
    {
        var result = await call;
        Assert.True(result.Succeeded, result.Error);
    }
}
