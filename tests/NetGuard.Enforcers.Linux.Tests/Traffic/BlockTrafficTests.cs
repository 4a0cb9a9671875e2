using System.Diagnostics;
using NetGuard.Core.Packets;
using NetGuard.Core.Remediation;
using NetGuard.Enforcers.Linux.Tests.Lab;
using NetGuard.Testing.Lab;

namespace NetGuard.Enforcers.Linux.Tests.Traffic;

/// <summary>
/// Real packets: namespace a pings b over a veth (10.250.N.1 to .2, nothing else connected); the
/// enforcer runs in b and blocks a. Each ping is bounded in count and time.
/// </summary>
public abstract class BlockTrafficTests
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract string[] Tools { get; }

    /// <summary>Third octet of 10.250.N.0/24, distinct per class.</summary>
    protected abstract int Subnet { get; }

    protected abstract IFirewallEnforcer CreateEnforcer(ICommandRunner runner);

    /// <summary>Packets counted so far by the enforcer's drop rules in namespace <paramref name="ns"/>.</summary>
    protected abstract long DropCount(string ns);

    [Fact]
    public async Task Block_SourceAddress_DropsItsPacketsAndCountsThem_RemoveLetsThemThrough()
    {
        using var lab = Start(out var enforcer);
        var a = NetPrefix.Parse(NetworkLab.AddressA(Subnet));
        await AssertBlockCycleAsync(lab, enforcer, new BlockRule("ng-traffic-host", a, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public async Task Block_SourcePrefix_DropsItsPacketsAndCountsThem_RemoveLetsThemThrough()
    {
        using var lab = Start(out var enforcer);
        var net = NetPrefix.Parse($"10.250.{Subnet}.0/25");
        await AssertBlockCycleAsync(lab, enforcer, new BlockRule("ng-traffic-net", net, TimeSpan.FromMinutes(5)));
    }

    private NetworkLab Start(out IFirewallEnforcer enforcer)
    {
        FirewallNamespace.Require([.. Tools, "ping"]);
        var lab = NetworkLab.Create(Subnet);
        enforcer = CreateEnforcer(new ProcessCommandRunner(["ip", "netns", "exec", lab.NamespaceB]));
        return lab;
    }

    private async Task AssertBlockCycleAsync(NetworkLab lab, IFirewallEnforcer enforcer, BlockRule rule)
    {
        var b = NetworkLab.AddressB(Subnet);
        Assert.True(Reaches(lab.NamespaceA, b), "a cannot reach b before any block");

        Assert.True((await enforcer.PrepareAsync(Ct)).Succeeded);
        Assert.True(Reaches(lab.NamespaceA, b), "preparing alone blocked traffic");
        var before = DropCount(lab.NamespaceB);

        var applied = await enforcer.ApplyAsync([rule], Ct);
        Assert.True(applied.Succeeded, applied.Error);
        Assert.False(Ping(lab.NamespaceA, b, count: 3), "a still reaches b while blocked");
        Assert.True(DropCount(lab.NamespaceB) - before >= 3, "the drop rule did not count the pings");

        var removed = await enforcer.RemoveAsync([rule], Ct);
        Assert.True(removed.Succeeded, removed.Error);
        Assert.True(Reaches(lab.NamespaceA, b), "a cannot reach b after the block was removed");

        Assert.True((await enforcer.TeardownAsync(Ct)).Succeeded);
    }

    /// <summary>A few tries, since the first packet may wait for ARP.</summary>
    private static bool Reaches(string ns, string address)
    {
        var deadline = Stopwatch.StartNew();
        for (var attempt = 0; attempt < 3 && deadline.Elapsed < TimeSpan.FromSeconds(10); attempt++)
        {
            if (Ping(ns, address, count: 1))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>At most <paramref name="count"/> echo requests, 0.2 s apart, waiting 1 s for the last reply; true if any reply came.</summary>
    private static bool Ping(string ns, string address, int count) =>
        ProcessRunner.Run("ip", ["netns", "exec", ns, "ping", "-n", "-q", "-c", count.ToString(System.Globalization.CultureInfo.InvariantCulture), "-i", "0.2", "-W", "1", address], TimeSpan.FromSeconds(15))
            .ExitCode == 0;
}
