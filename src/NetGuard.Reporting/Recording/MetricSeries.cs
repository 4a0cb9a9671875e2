using NetGuard.Core.Detection;

namespace NetGuard.Reporting.Recording;

/// <summary>One metric of one host over the capture: its value, the baseline band it was judged against, and the scores.</summary>
internal sealed class MetricSeries(int metric, int buckets, double bandSigmas)
{
    public int Metric { get; } = metric;

    public BucketSeries Value { get; } = new(buckets);

    public BucketSeries Baseline { get; } = new(buckets);

    /// <summary>Baseline ± <c>bandSigmas</c>·σ (the low side never below 0): the range detection finds normal.</summary>
    public BucketSeries BandLow { get; } = new(buckets);

    public BucketSeries BandHigh { get; } = new(buckets);

    public BucketSeries Score { get; } = new(buckets);

    public BucketSeries Cusum { get; } = new(buckets);

    public void Add(long second, in MetricJudgement judged)
    {
        var half = bandSigmas * judged.Deviation;
        Value.Add(second, judged.Value);
        Baseline.Add(second, judged.Baseline);
        BandLow.Add(second, Math.Max(0, judged.Baseline - half));
        BandHigh.Add(second, judged.Baseline + half);
        Score.Add(second, judged.Score);
        Cusum.Add(second, judged.Cusum);
    }
}
