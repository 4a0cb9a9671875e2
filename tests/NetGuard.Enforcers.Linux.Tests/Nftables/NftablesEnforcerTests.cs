using System.Diagnostics;
using System.Text.Json;
using NetGuard.Core.Packets;
using NetGuard.Core.Remediation;
using NetGuard.Enforcers.Linux.Tests.Lab;

namespace NetGuard.Enforcers.Linux.Tests.Nftables;

/// <summary>What only nftables does: kernel TTLs, atomic batches, the table's exact shape. In a namespace made by the test.</summary>
public sealed class NftablesEnforcerTests : IDisposable
{
    private readonly FirewallNamespace _ns = FirewallNamespace.Create("nft");
    private readonly NftablesEnforcer _enforcer;

    public NftablesEnforcerTests() => _enforcer = new NftablesEnforcer(_ns.Runner);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Apply_TwoSecondTtl_KernelRemovesTheElement()
    {
        await OkAsync(_enforcer.PrepareAsync(Ct));
        var target = NetPrefix.Parse("203.0.113.20");
        var clock = Stopwatch.StartNew();
        await OkAsync(_enforcer.ApplyAsync([new BlockRule("ng-short", target, TimeSpan.FromSeconds(2))], Ct));
        Assert.Single(await _enforcer.ListAsync(Ct));

        while ((await _enforcer.ListAsync(Ct)).Count > 0 && clock.Elapsed < TimeSpan.FromSeconds(6))
        {
            await Task.Delay(250, Ct);
        }

        Assert.Empty(await _enforcer.ListAsync(Ct));
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(6));
    }

    [Fact]
    public async Task Apply_Again_RefreshesTimeoutAndLabel()
    {
        await OkAsync(_enforcer.PrepareAsync(Ct));
        var target = NetPrefix.Parse("2001:db8::20");
        await OkAsync(_enforcer.ApplyAsync([new BlockRule("ng-one", target, TimeSpan.FromMinutes(1))], Ct));
        await OkAsync(_enforcer.ApplyAsync([new BlockRule("ng-two", target, TimeSpan.FromHours(3))], Ct));
        var owned = Assert.Single(await _enforcer.ListAsync(Ct));
        Assert.Equal("ng-two", owned.DecisionId);
        Assert.InRange(owned.Remaining!.Value, TimeSpan.FromHours(2.9), TimeSpan.FromHours(3));
    }

    [Fact]
    public async Task Prepare_Twice_EachChainHoldsItsFourDropRules()
    {
        await OkAsync(_enforcer.PrepareAsync(Ct));
        await OkAsync(_enforcer.PrepareAsync(Ct));
        foreach (var chain in new[] { "input", "forward" })
        {
            using var json = JsonDocument.Parse(_ns.Exec("nft", "-j", "list", "chain", "inet", "netguard", chain));
            var items = json.RootElement.GetProperty("nftables").EnumerateArray().ToList();
            var definition = items.Single(i => i.TryGetProperty("chain", out _)).GetProperty("chain");
            Assert.Equal("accept", definition.GetProperty("policy").GetString());
            Assert.Equal(-10, definition.GetProperty("prio").GetInt32());
            Assert.Equal(4, items.Count(i => i.TryGetProperty("rule", out _)));
        }
    }

    [Fact]
    public async Task Apply_PrefixOverlappingABlockedOne_FailsWholeBatchAndNamesIt()
    {
        await OkAsync(_enforcer.PrepareAsync(Ct));
        await OkAsync(_enforcer.ApplyAsync([new BlockRule("ng-wide", NetPrefix.Parse("10.9.0.0/16"), null)], Ct));

        var result = await _enforcer.ApplyAsync(
            [new BlockRule("ng-fine", NetPrefix.Parse("203.0.113.30"), null), new BlockRule("ng-inside", NetPrefix.Parse("10.9.8.0/24"), null)], Ct);

        Assert.False(result.Succeeded);
        Assert.Contains("10.9.8.0/24", result.Error, StringComparison.Ordinal);
        Assert.True(result.Error!.Length < 1000, "the error should not carry the whole script");
        var owned = Assert.Single(await _enforcer.ListAsync(Ct));
        Assert.Equal("ng-wide", owned.DecisionId);
    }

    [Fact]
    public async Task Apply_HostInsideABlockedPrefix_IsItsOwnBlock()
    {
        await OkAsync(_enforcer.PrepareAsync(Ct));
        var rules = new[] { new BlockRule("ng-net", NetPrefix.Parse("10.9.0.0/16"), null), new BlockRule("ng-host", NetPrefix.Parse("10.9.0.1"), null) };
        await OkAsync(_enforcer.ApplyAsync(rules, Ct));
        Assert.Equal(2, (await _enforcer.ListAsync(Ct)).Count);
        await OkAsync(_enforcer.RemoveAsync([rules[0]], Ct));
        Assert.Equal("ng-host", Assert.Single(await _enforcer.ListAsync(Ct)).DecisionId);
    }

    [Fact]
    public async Task Apply_AfterOurTableWasDeleted_RebuildsItAndBlocks()
    {
        await OkAsync(_enforcer.PrepareAsync(Ct));
        _ns.Exec("nft", "delete", "table", "inet", "netguard");

        await OkAsync(_enforcer.ApplyAsync([new BlockRule("ng-back", NetPrefix.Parse("203.0.113.40"), null)], Ct));

        Assert.Single(await _enforcer.ListAsync(Ct));
        Assert.Contains("ip saddr @blocked4 counter", _ns.Exec("nft", "list", "chain", "inet", "netguard", "input"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remove_AfterOurTableWasDeleted_Succeeds()
    {
        await OkAsync(_enforcer.PrepareAsync(Ct));
        _ns.Exec("nft", "delete", "table", "inet", "netguard");
        await OkAsync(_enforcer.RemoveAsync([new BlockRule("ng-gone", NetPrefix.Parse("203.0.113.40"), null), new BlockRule("ng-gone", NetPrefix.Parse("10.0.0.0/8"), null)], Ct));
        Assert.Empty(await _enforcer.ListAsync(Ct));
    }

    [Fact]
    public async Task List_ElementsAddedByHandWithoutCommentOrTimeout_HaveNoIdAndNoRemaining()
    {
        await OkAsync(_enforcer.PrepareAsync(Ct));
        _ns.Exec("nft", "add", "element", "inet", "netguard", "blocked4net", "{ 10.7.0.0/16 }");
        _ns.Exec("nft", "add", "element", "inet", "netguard", "blocked6", "{ 2001:db8::99 comment \"not an id!\" }");
        var owned = (await _enforcer.ListAsync(Ct)).OrderBy(o => o.Target.ToString(), StringComparer.Ordinal).ToList();
        Assert.Equal([new OwnedRule(null, NetPrefix.Parse("10.7.0.0/16"), null), new OwnedRule(null, NetPrefix.Parse("2001:db8::99"), null)], owned);
    }

    public void Dispose() => _ns.Dispose();

    private static async Task OkAsync(ValueTask<EnforcementResult> call)
    {
        var result = await call;
        Assert.True(result.Succeeded, result.Error);
    }
}
