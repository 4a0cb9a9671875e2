namespace NetGuard.Reporting;

/// <summary>One metric of a host: value, baseline and its band, score and CUSUM.</summary>
internal sealed record MetricChart(
    string Name,
    IReadOnlyList<SeriesPoint> Value,
    IReadOnlyList<SeriesPoint> Baseline,
    IReadOnlyList<SeriesPoint> BandLow,
    IReadOnlyList<SeriesPoint> BandHigh,
    IReadOnlyList<SeriesPoint> Score,
    IReadOnlyList<SeriesPoint> Cusum);
