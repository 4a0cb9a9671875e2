using NetGuard.Core.Remediation;
using NetGuard.Enforcers.Linux.Tests.Ipset;

namespace NetGuard.Enforcers.Linux.Tests.Traffic;

public sealed class IpsetTrafficTests : BlockTrafficTests
{
    protected override string[] Tools => IpsetContractTests.Tools;

    protected override int Subnet => 203;

    protected override IFirewallEnforcer CreateEnforcer(ICommandRunner runner) => new IptablesEnforcer(runner, new IptablesEnforcerOptions { UseIpset = true });

    /// <summary>The set-match rules' packet counters in <c>iptables -L NETGUARD</c> (the same column as plain rules).</summary>
    protected override long DropCount(string ns) => IptablesTrafficTests.ChainDropCount(ns);
}
