namespace NetGuard.Remediation.Operator;

/// <summary>
/// The decisions file an operator edits (or the CLI edits for them):
/// <c>{ "approve": [ID], "reject": [ID], "rollback": [ID or address], "block": [{ "target", "ttl", "reason" }] }</c>.
/// </summary>
public sealed record OperatorDocument
{
    public IList<string> Approve { get; init; } = [];

    public IList<string> Reject { get; init; } = [];

    public IList<string> Rollback { get; init; } = [];

    public IList<ManualBlock> Block { get; init; } = [];
}

/// <summary>A block the operator asks for; <see cref="Ttl"/> is hh:mm:ss (default: the configured TTL).</summary>
public sealed record ManualBlock
{
    public string Target { get; init; } = "";

    public string? Ttl { get; init; }

    public string? Reason { get; init; }

    /// <summary>Set by the CLI so that blocking the same target again later is a new request.</summary>
    public string? Requested { get; init; }
}
