using System.Diagnostics;
using System.Globalization;
using NetGuard.Core.Packets;
using NetGuard.Core.Remediation;
using NetGuard.Enforcers.Linux.Tests.Lab;

namespace NetGuard.Enforcers.Linux.Tests.Benchmarks;

/// <summary>
/// 100,000 distinct IPv4 addresses (100.64.0.0/10, set elements only, no traffic) applied, listed,
/// applied again and removed through the nftables enforcer in a namespace made by the test. Prints
/// the timings (target: under 2 s each way) and asserts only correctness. Skip it in quick runs with
/// <c>--filter Category!=Benchmark</c>.
/// </summary>
[Trait("Category", "Benchmark")]
[Collection(nameof(BenchmarkCollection))]
public sealed class NftablesScaleBenchmark
{
    private const int Count = 100_000;

    [Fact]
    public async Task ApplyListRemove_100000Addresses_PrintsTimings()
    {
        var ct = TestContext.Current.CancellationToken;
        using var ns = FirewallNamespace.Create("nft");
        var enforcer = new NftablesEnforcer(ns.Runner, TimeSpan.FromMinutes(2));
        Assert.True((await enforcer.PrepareAsync(ct)).Succeeded);
        var first = NetPrefix.Parse("100.64.0.0").Network.IPv4Value;
        var rules = Enumerable.Range(0, Count)
            .Select(i => new BlockRule(string.Create(CultureInfo.InvariantCulture, $"ng-bench-{i}"), new NetPrefix(NetAddress.FromIPv4(first + (uint)i), 32), TimeSpan.FromHours(1)))
            .ToList();

        var apply = await TimeAsync(async () => Assert.True((await enforcer.ApplyAsync(rules, ct)).Succeeded));
        IReadOnlyList<OwnedRule> owned = [];
        var list = await TimeAsync(async () => owned = await enforcer.ListAsync(ct));
        Assert.Equal(Count, owned.Count);
        Assert.Equal(rules.Select(r => (r.DecisionId, r.Target)).ToHashSet(), owned.Select(o => (o.DecisionId!, o.Target)).ToHashSet());
        var reapply = await TimeAsync(async () => Assert.True((await enforcer.ApplyAsync(rules, ct)).Succeeded));
        var remove = await TimeAsync(async () => Assert.True((await enforcer.RemoveAsync(rules, ct)).Succeeded));
        Assert.Empty(await enforcer.ListAsync(ct));
        Assert.True((await enforcer.TeardownAsync(ct)).Succeeded);

        var report = string.Create(CultureInfo.InvariantCulture,
            $"nftables, {Count:N0} IPv4 /32 blocks: apply {apply.TotalSeconds:0.00} s, list {list.TotalSeconds:0.00} s, apply again {reapply.TotalSeconds:0.00} s, remove {remove.TotalSeconds:0.00} s");
        TestContext.Current.TestOutputHelper?.WriteLine(report);
        TestContext.Current.SendDiagnosticMessage(report);
        await Console.Error.WriteLineAsync(report);
    }

    private static async Task<TimeSpan> TimeAsync(Func<Task> action)
    {
        var clock = Stopwatch.StartNew();
        await action();
        return clock.Elapsed;
    }
}
