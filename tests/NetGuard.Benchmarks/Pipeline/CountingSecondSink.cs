using NetGuard.Core.Statistics;

namespace NetGuard.Benchmarks.Pipeline;

/// <summary>A sink that only counts seconds and hosts, so that aggregation is measured and not output.</summary>
internal sealed class CountingSecondSink : ISecondSink
{
    public long Seconds { get; private set; }

    public long HostSeconds { get; private set; }

    public void OnSecond(SecondSnapshot snapshot)
    {
        Seconds++;
        HostSeconds += snapshot.Hosts.Length;
    }
}
