using NetGuard.Core.Remediation;
using NetGuard.Remediation;
using NetGuard.Remediation.Enforcement;

namespace NetGuard.Hosting;

/// <summary>Picks the firewall backend named by NetGuard:Remediation:Enforcer.</summary>
internal static class EnforcerFactory
{
    public static IFirewallEnforcer Create(RemediationOptions options) => options.Enforcer switch
    {
        "dryrun" => new DryRunEnforcer(),
        var other => throw new Configuration.ConfigurationException($"{RemediationOptions.Section}:Enforcer = {other}: this build has no such enforcer"),
    };
}
