namespace NetGuard.Core.Remediation;

/// <summary>What an enforcer can do, so the decision engine can adapt (for example, expire blocks itself without kernel TTLs).</summary>
public sealed record EnforcerCapabilities(bool KernelTtl, bool Prefixes, bool IPv6, int MaxBatch);
