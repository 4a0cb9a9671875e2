using NetGuard.Core.Remediation;
using NetGuard.Enforcers.Linux;
using NetGuard.Enforcers.Windows;
using NetGuard.Remediation;
using NetGuard.Remediation.Enforcement;

namespace NetGuard.Hosting;

/// <summary>Picks the firewall backend named by NetGuard:Remediation:Enforcer; commands run as argument lists, never through a shell.</summary>
internal static class EnforcerFactory
{
    public static IFirewallEnforcer Create(RemediationOptions options)
    {
        var runner = new ProcessCommandRunner(toolDirectory: options.ToolDirectory);
        return options.Enforcer switch
        {
            "nftables" => new NftablesEnforcer(runner, options.EnforcerTimeout),
            "iptables" => new IptablesEnforcer(runner, new IptablesEnforcerOptions { CommandTimeout = options.EnforcerTimeout }),
            "windows" => new WindowsFirewallEnforcer(runner, options.EnforcerTimeout),
            _ => new DryRunEnforcer(),
        };
    }
}
