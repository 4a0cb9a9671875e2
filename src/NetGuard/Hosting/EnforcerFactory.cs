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
            "iptables" => new IptablesEnforcer(runner, new IptablesEnforcerOptions { CommandTimeout = options.EnforcerTimeout, UseIpset = options.Ipset && ToolInstalled("ipset", options.ToolDirectory) }),
            "windows" => new WindowsFirewallEnforcer(runner, options.EnforcerTimeout),
            _ => new DryRunEnforcer(),
        };
    }

    /// <summary>An executable file named <paramref name="tool"/> in <paramref name="toolDirectory"/>, or on PATH when that is empty.</summary>
    internal static bool ToolInstalled(string tool, string toolDirectory)
    {
        IEnumerable<string> directories = toolDirectory.Length > 0
            ? [toolDirectory]
            : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return directories.Any(d => File.Exists(Path.Combine(d, tool)));
    }
}
