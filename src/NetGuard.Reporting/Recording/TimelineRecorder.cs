using NetGuard.Core.Statistics;

namespace NetGuard.Reporting.Recording;

/// <summary>The capture's total packet and byte rates per second, and its top talkers.</summary>
internal sealed class TimelineRecorder(ReportLimits limits)
{
    public BucketSeries Packets { get; } = new(limits.SeriesBuckets);

    public BucketSeries Bytes { get; } = new(limits.SeriesBuckets);

    public TopTalkers Talkers { get; } = new(limits.TalkerCounters);

    /// <summary>The first and last second closed; null before any.</summary>
    public long? FirstSecond { get; private set; }

    public long? LastSecond { get; private set; }

    public void OnSecond(SecondSnapshot snapshot)
    {
        var second = snapshot.Second;
        FirstSecond ??= second;
        LastSecond = Math.Max(LastSecond ?? second, second);
        Packets.Add(second, snapshot.Packets);
        Bytes.Add(second, snapshot.Bytes);
        foreach (ref readonly var host in snapshot.Hosts)
        {
            Talkers.Add(host.Host, host.In.Bytes + host.Out.Bytes, host.In.Packets + host.Out.Packets);
        }
    }
}
