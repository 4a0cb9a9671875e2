using NetGuard.Core.Packets;

namespace NetGuard.Core.Remediation;

/// <summary>One block an enforcer applies: a validated address or prefix, tagged with the decision that owns it.</summary>
/// <param name="DecisionId">Letters, digits, '-' and '_' only (enforcers put it in rule comments and names).</param>
/// <param name="Target">Already parsed and validated; enforcers never see a raw string.</param>
/// <param name="Ttl">Kernel-side expiry where the enforcer supports it, so a block ends even if the daemon is dead.</param>
public sealed record BlockRule(string DecisionId, NetPrefix Target, TimeSpan? Ttl)
{
    /// <summary>True when <paramref name="id"/> is safe to embed in firewall rule names and comments.</summary>
    public static bool IsValidId(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
