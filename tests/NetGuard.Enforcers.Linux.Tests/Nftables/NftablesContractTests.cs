using NetGuard.Core.Remediation;
using NetGuard.Enforcers.Contract;
using NetGuard.Enforcers.Linux.Tests.Lab;

namespace NetGuard.Enforcers.Linux.Tests.Nftables;

/// <summary>The enforcer contract against the real nft, inside a namespace made by the test.</summary>
public sealed class NftablesContractTests : EnforcerContractTests
{
    /// <summary>Someone else's tables, one named like ours in another family, with a drop policy.</summary>
    internal const string ForeignRuleset = """
        table inet foreign {
            set blocked4 {
                type ipv4_addr
                elements = { 192.0.2.1, 192.0.2.2 }
            }
            chain input {
                type filter hook input priority 0; policy drop;
                ip saddr @blocked4 drop
                iif "lo" accept
            }
            chain forward {
                type filter hook forward priority 0; policy drop;
            }
        }
        table ip netguard {
            chain keep {
                ip saddr 192.0.2.3 drop
            }
        }
        """;

    private FirewallNamespace? _ns;

    private FirewallNamespace Ns => _ns ?? throw new InvalidOperationException("no namespace");

    protected override ValueTask<ICommandRunner> StartEnvironmentAsync()
    {
        _ns = FirewallNamespace.Create("nft");
        return ValueTask.FromResult(_ns.Runner);
    }

    protected override IFirewallEnforcer CreateEnforcer(ICommandRunner runner) => new NftablesEnforcer(runner);

    protected override ValueTask PlantForeignStateAsync()
    {
        Ns.ExecInput(ForeignRuleset, "nft", "-f", "-");
        return default;
    }

    protected override ValueTask<string> ForeignStateAsync() => ValueTask.FromResult(ForeignState(Ns));

    protected override ValueTask<bool> OwnedNamespaceExistsAsync() =>
        ValueTask.FromResult(Ns.Try("nft", "list", "table", "inet", "netguard").ExitCode == 0);

    protected override ValueTask StopEnvironmentAsync()
    {
        _ns?.Dispose();
        return default;
    }

    /// <summary>Every table but ours, in full.</summary>
    internal static string ForeignState(FirewallNamespace ns)
    {
        var tables = ns.Exec("nft", "list", "tables").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(t => t != "table inet netguard")
            .Order(StringComparer.Ordinal);
        return string.Join("\n", tables.Select(t => ns.Exec(["nft", "list", .. t.Split(' ')])));
    }
}
