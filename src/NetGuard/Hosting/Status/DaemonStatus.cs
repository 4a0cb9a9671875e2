namespace NetGuard.Hosting.Status;

/// <summary>
/// What the running daemon is doing, written to <c>State:Directory/status.json</c> every second and
/// read by <c>netguard status</c>. Rates are over the last second; counters since the start.
/// </summary>
internal sealed record DaemonStatus
{
    public int Pid { get; init; }

    public DateTimeOffset Started { get; init; }

    public DateTimeOffset Updated { get; init; }

    public double UptimeS => Math.Round((Updated - Started).TotalSeconds, 1);

    /// <summary>The configuration file in use; null for the embedded defaults (and environment).</summary>
    public string? ConfigFile { get; init; }

    public string Mode { get; init; } = "";

    public IReadOnlyDictionary<string, string> KindModes { get; init; } = new Dictionary<string, string>();

    public string Enforcer { get; init; } = "";

    /// <summary>The scrape URL, "off", or "unavailable: why".</summary>
    public string Metrics { get; init; } = "off";

    public IReadOnlyList<InterfaceStatus> Interfaces { get; init; } = [];

    public long HostsTracked { get; init; }

    public long FlowsTracked { get; init; }

    public long Alerts { get; init; }

    public int ActiveBlocks { get; init; }

    public int PendingProposals { get; init; }

    /// <summary>Changes of the configuration file read since the start, applied or rejected.</summary>
    public long Reloads { get; init; }

    public ReloadStatus? LastReload { get; init; }
}
