using System.Text.Json;
using NetGuard.Core.Remediation;
using NetGuard.Testing.Lab;

namespace NetGuard.Enforcers.Linux.Tests.Traffic;

public sealed class NftablesTrafficTests : BlockTrafficTests
{
    protected override string[] Tools => ["nft"];

    protected override int Subnet => 201;

    protected override IFirewallEnforcer CreateEnforcer(ICommandRunner runner) => new NftablesEnforcer(runner);

    /// <summary>The sum of the counters in our input chain (every rule there is a drop).</summary>
    protected override long DropCount(string ns)
    {
        var json = NetworkLab.Exec(ns, "nft", "-j", "list", "chain", "inet", "netguard", "input").StandardOutput;
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetProperty("nftables").EnumerateArray()
            .Where(item => item.TryGetProperty("rule", out _))
            .SelectMany(item => item.GetProperty("rule").GetProperty("expr").EnumerateArray())
            .Where(expr => expr.TryGetProperty("counter", out _))
            .Sum(expr => expr.GetProperty("counter").GetProperty("packets").GetInt64());
    }
}
