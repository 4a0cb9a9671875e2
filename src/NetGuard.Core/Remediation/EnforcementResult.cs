namespace NetGuard.Core.Remediation;

/// <summary>The outcome of an enforcer call: expected failures are results, not exceptions.</summary>
public readonly record struct EnforcementResult(bool Succeeded, string? Error)
{
    public static EnforcementResult Ok { get; } = new(true, null);

    public static EnforcementResult Failed(string error) => new(false, error);
}
