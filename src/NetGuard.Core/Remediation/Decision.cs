using NetGuard.Core.Packets;

namespace NetGuard.Core.Remediation;

/// <summary>
/// A block decision and its history. Immutable: every transition makes a new value, which the
/// journal writes before anyone acts on it.
/// </summary>
public sealed record Decision
{
    public required string Id { get; init; }

    public required NetPrefix Target { get; init; }

    public required DecisionState State { get; init; }

    /// <summary>What raised it: an alert kind and detector ("syn-flood/ewma-z"), or "manual".</summary>
    public required string Origin { get; init; }

    public required string Reason { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required TimeSpan Ttl { get; init; }

    public DateTimeOffset? ApprovedAt { get; init; }

    /// <summary>"auto", "decisions-file", or the operator named by the CLI.</summary>
    public string? ApprovedBy { get; init; }

    /// <summary>When an active block ends (set when it becomes Active).</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The last enforcer error, for Failed decisions.</summary>
    public string? Error { get; init; }

    /// <summary>Evidence from the alert (value, baseline, score, metric) for operators.</summary>
    public IReadOnlyDictionary<string, string> Evidence { get; init; } = new Dictionary<string, string>();

    public bool IsLive => State is DecisionState.Proposed or DecisionState.Approved or DecisionState.Applying or DecisionState.Active;

    public BlockRule ToRule(DateTimeOffset now) =>
        new(Id, Target, ExpiresAt is { } e ? (e > now ? e - now : TimeSpan.FromSeconds(1)) : Ttl);
}
