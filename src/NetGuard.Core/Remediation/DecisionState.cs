namespace NetGuard.Core.Remediation;

/// <summary>
/// Proposed → Approved → Applying → Active → Expired | RolledBack, plus Rejected and Failed.
/// Active is written only after the enforcer confirms.
/// </summary>
public enum DecisionState
{
    Proposed,
    Approved,
    Applying,
    Active,
    Expired,
    RolledBack,
    Rejected,
    Failed,
}
