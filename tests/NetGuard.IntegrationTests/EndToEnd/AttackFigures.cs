namespace NetGuard.IntegrationTests.EndToEnd;

/// <summary>
/// What one attack measured. Times are seconds from the tool's start to the daemon's log line (or
/// the syslog receiver's message); packets are the victim's own counters for the attacker's address.
/// </summary>
internal sealed record AttackFigures
{
    public required string Name { get; init; }

    public required string Kind { get; init; }

    public required string Source { get; init; }

    public required string Command { get; init; }

    public double? AlertSeconds { get; init; }

    public double? SyslogSeconds { get; init; }

    /// <summary>Approve mode: the proposal; Auto: the same moment as the block's start.</summary>
    public double? ProposedSeconds { get; init; }

    /// <summary>Until the daemon logged the decision Active (the firewall had confirmed it).</summary>
    public double? BlockSeconds { get; init; }

    public double ToolSeconds { get; init; }

    /// <summary>Packets from the attacker that reached the victim's stack (prerouting).</summary>
    public long Arrived { get; init; }

    /// <summary>Packets from the attacker delivered past every filter (input, after NetGuard's chain).</summary>
    public long GotThrough { get; init; }

    /// <summary>Packets delivered after the daemon logged the block Active (should be none).</summary>
    public long GotThroughAfterBlock { get; init; }

    /// <summary>Packets stopped, by the victim's counters (arrived minus delivered).</summary>
    public long Stopped { get; init; }

    /// <summary>Packets NetGuard's own drop rules counted during the attack.</summary>
    public long NetGuardDropped { get; init; }

    public string? DecisionId { get; init; }
}
