using NetGuard.Core.Remediation;
using NetGuard.Enforcers.Contract;
using NetGuard.Enforcers.Linux.Tests.Iptables;
using NetGuard.Enforcers.Linux.Tests.Lab;

namespace NetGuard.Enforcers.Linux.Tests.Ipset;

/// <summary>The enforcer contract for iptables with ipset sets, against the real tools inside a namespace made by the test.</summary>
public sealed class IpsetContractTests : EnforcerContractTests
{
    internal static readonly string[] Tools = [.. IptablesContractTests.Tools, "ipset"];

    private FirewallNamespace? _ns;

    private FirewallNamespace Ns => _ns ?? throw new InvalidOperationException("no namespace");

    protected override ValueTask<ICommandRunner> StartEnvironmentAsync()
    {
        _ns = FirewallNamespace.Create(Tools);
        return ValueTask.FromResult(_ns.Runner);
    }

    protected override IFirewallEnforcer CreateEnforcer(ICommandRunner runner) =>
        new IptablesEnforcer(runner, new IptablesEnforcerOptions { Forward = true, UseIpset = true });

    /// <summary>iptables' foreign state plus a foreign set with a member.</summary>
    protected override ValueTask PlantForeignStateAsync()
    {
        IptablesContractTests.PlantForeign(Ns);
        Ns.Exec("ipset", "create", "foreign", "hash:ip");
        Ns.Exec("ipset", "add", "foreign", "192.0.2.77");
        return default;
    }

    protected override ValueTask<string> ForeignStateAsync() =>
        ValueTask.FromResult(IptablesContractTests.ForeignState(Ns) + "\n" + Ns.Exec("ipset", "save", "foreign"));

    protected override ValueTask<bool> OwnedNamespaceExistsAsync() =>
        ValueTask.FromResult(Ns.Try("iptables", "-w", "-S", "NETGUARD").ExitCode == 0
            || Ns.Try("ip6tables", "-w", "-S", "NETGUARD").ExitCode == 0
            || Ns.Exec("ipset", "list", "-n").Contains("netguard", StringComparison.Ordinal));

    protected override ValueTask StopEnvironmentAsync()
    {
        _ns?.Dispose();
        return default;
    }
}
