using NetGuard.Core.Remediation;
using NetGuard.Enforcers.Contract;
using NetGuard.Enforcers.Linux.Tests.Lab;

namespace NetGuard.Enforcers.Linux.Tests.Iptables;

/// <summary>The enforcer contract against the real iptables and ip6tables, inside a namespace made by the test.</summary>
public sealed class IptablesContractTests : EnforcerContractTests
{
    internal static readonly string[] Tools = ["iptables", "ip6tables", "iptables-restore", "ip6tables-restore"];

    private FirewallNamespace? _ns;

    private FirewallNamespace Ns => _ns ?? throw new InvalidOperationException("no namespace");

    protected override ValueTask<ICommandRunner> StartEnvironmentAsync()
    {
        _ns = FirewallNamespace.Create(Tools);
        return ValueTask.FromResult(_ns.Runner);
    }

    protected override IFirewallEnforcer CreateEnforcer(ICommandRunner runner) => new IptablesEnforcer(runner, new IptablesEnforcerOptions { Forward = true });

    protected override ValueTask PlantForeignStateAsync()
    {
        PlantForeign(Ns);
        return default;
    }

    protected override ValueTask<string> ForeignStateAsync() => ValueTask.FromResult(ForeignState(Ns));

    protected override ValueTask<bool> OwnedNamespaceExistsAsync() =>
        ValueTask.FromResult(Ns.Try("iptables", "-w", "-S", "NETGUARD").ExitCode == 0 || Ns.Try("ip6tables", "-w", "-S", "NETGUARD").ExitCode == 0);

    protected override ValueTask StopEnvironmentAsync()
    {
        _ns?.Dispose();
        return default;
    }

    /// <summary>A foreign chain, foreign rules in INPUT, and DROP policies on FORWARD.</summary>
    internal static void PlantForeign(FirewallNamespace ns)
    {
        foreach (var tool in new[] { "iptables", "ip6tables" })
        {
            var (a, b) = tool == "iptables" ? ("192.0.2.1", "192.0.2.99") : ("2001:db8:ffff::1", "2001:db8:ffff::99");
            ns.Exec(tool, "-w", "-N", "FOREIGN");
            ns.Exec(tool, "-w", "-A", "FOREIGN", "-s", a, "-j", "ACCEPT");
            ns.Exec(tool, "-w", "-A", "INPUT", "-s", b, "-m", "comment", "--comment", "someone else", "-j", "ACCEPT");
            ns.Exec(tool, "-w", "-A", "FORWARD", "-j", "FOREIGN");
            ns.Exec(tool, "-w", "-P", "FORWARD", "DROP");
        }
    }

    /// <summary>Both families' filter tables without our chain and jumps; policies included.</summary>
    internal static string ForeignState(FirewallNamespace ns) =>
        string.Join("\n", new[] { "iptables", "ip6tables" }
            .SelectMany(tool => ns.Exec(tool, "-w", "-S").Split('\n', StringSplitOptions.RemoveEmptyEntries))
            .Where(line => !line.Contains("NETGUARD", StringComparison.Ordinal)));
}
