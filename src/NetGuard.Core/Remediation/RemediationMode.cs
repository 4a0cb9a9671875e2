namespace NetGuard.Core.Remediation;

/// <summary>Monitor: alerts only. Approve: blocks are proposed and wait for an operator. Auto: blocks apply at once, each with a TTL.</summary>
public enum RemediationMode
{
    Monitor,
    Approve,
    Auto,
}
