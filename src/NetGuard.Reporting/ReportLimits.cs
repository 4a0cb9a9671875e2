namespace NetGuard.Reporting;

/// <summary>
/// What a report keeps, whatever the capture's size: memory and the file's size depend on these,
/// not on the number of packets, seconds or hosts.
/// </summary>
public sealed record ReportLimits
{
    /// <summary>Buckets per recorded series; past this, neighbours merge and each bucket covers twice the seconds.</summary>
    public int SeriesBuckets { get; init; } = 512;

    /// <summary>Points per drawn line; a chart's plot is about 870 pixels wide.</summary>
    public int ChartPoints { get; init; } = 430;

    /// <summary>Hosts charted: the first to raise an alert. Later ones are in the table only (counted).</summary>
    public int ChartedHosts { get; init; } = 20;

    /// <summary>Recently active profiled hosts whose last seconds are kept, so a chart shows what came before the first alert.</summary>
    public int RecentHosts { get; init; } = 512;

    /// <summary>Seconds kept per recently active host.</summary>
    public int HistorySeconds { get; init; } = 60;

    /// <summary>Alerts listed (and marked on the timeline); later ones are counted.</summary>
    public int Alerts { get; init; } = 500;

    /// <summary>Decisions listed; later ones are counted.</summary>
    public int Decisions { get; init; } = 500;

    /// <summary>Alert markers per charted host.</summary>
    public int AlertsPerHost { get; init; } = 100;

    /// <summary>Counters of the top-talker estimate (Space-Saving); the table shows <see cref="TopTalkers"/> of them.</summary>
    public int TalkerCounters { get; init; } = 256;

    public int TopTalkers { get; init; } = 10;

    /// <summary>Notices from the decision engine kept (tripped caps, refused entries).</summary>
    public int Notices { get; init; } = 50;
}
