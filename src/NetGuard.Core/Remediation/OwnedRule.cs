using NetGuard.Core.Packets;

namespace NetGuard.Core.Remediation;

/// <summary>A block an enforcer found in its own namespace (for reconciliation against the journal).</summary>
public sealed record OwnedRule(string? DecisionId, NetPrefix Target, TimeSpan? Remaining);
