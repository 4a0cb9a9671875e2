using Microsoft.Extensions.Logging;
using NetGuard.Core.Remediation;
using NetGuard.Remediation.Enforcement;
using NetGuard.Remediation.Guards;
using NetGuard.Remediation.Journal;

namespace NetGuard.Remediation.Engine;

/// <summary>Builds an engine: the enforcer behind Polly, the guards, and the journal (on disk for the daemon, in memory for replay).</summary>
public static class RemediationEngineFactory
{
    /// <param name="stateDirectory">The journal's directory; null keeps decisions in memory (replay).</param>
    /// <param name="protectHost">Protect this host's own addresses, gateways and resolvers (not when replaying another network's capture).</param>
    public static RemediationEngine Create(
        RemediationOptions options,
        IFirewallEnforcer enforcer,
        string? stateDirectory,
        bool protectHost,
        TimeProvider time,
        IDecisionSink sink,
        ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var resilient = enforcer is DryRunEnforcer ? enforcer : new ResilientEnforcer(enforcer, options.EnforcerTimeout, options.EnforcerRetries, time);
        var journal = stateDirectory is null ? DecisionJournal.InMemory() : new DecisionJournal(stateDirectory);
        return new RemediationEngine(options, resilient, journal, ProtectedNetworks.Build(options.Allowlist, protectHost), time, sink, logger);
    }
}
