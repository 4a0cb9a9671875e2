using System.Globalization;
using NetGuard.Core.Remediation;
using NetGuard.Enforcers.Linux.Tests.Iptables;
using NetGuard.Testing.Lab;

namespace NetGuard.Enforcers.Linux.Tests.Traffic;

public sealed class IptablesTrafficTests : BlockTrafficTests
{
    protected override string[] Tools => IptablesContractTests.Tools;

    protected override int Subnet => 202;

    protected override IFirewallEnforcer CreateEnforcer(ICommandRunner runner) => new IptablesEnforcer(runner);

    /// <summary>The pkts column of <c>iptables -L NETGUARD -v -x -n</c>, summed (every rule there is a drop).</summary>
    protected override long DropCount(string ns) => ChainDropCount(ns);

    /// <inheritdoc cref="DropCount"/>
    internal static long ChainDropCount(string ns) =>
        NetworkLab.Exec(ns, "iptables", "-w", "-L", "NETGUARD", "-v", "-x", "-n").StandardOutput
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Skip(2)
            .Sum(line => long.Parse(line.Split(' ', 2)[0], CultureInfo.InvariantCulture));
}
