using NetGuard.Core.Packets;
using NetGuard.Core.Statistics;

namespace NetGuard.Aggregation.Tests;

/// <summary>Copies every closed second so tests can look at it afterwards.</summary>
internal sealed class RecordingSink : ISecondSink
{
    public List<RecordedSecond> Seconds { get; } = [];

    public void OnSecond(SecondSnapshot snapshot) =>
        Seconds.Add(new RecordedSecond(snapshot.Second, snapshot.Hosts.ToArray(), snapshot.Packets, snapshot.Bytes, snapshot.UntrackedHostPackets, snapshot.UntrackedPairs));

    public RecordedSecond Single() => Assert.Single(Seconds);
}

internal sealed record RecordedSecond(long Second, HostSecond[] Hosts, long Packets, long Bytes, long UntrackedHostPackets, long UntrackedPairs)
{
    public HostSecond Host(string address)
    {
        Assert.True(NetAddress.TryParse(address, out var a));
        return Assert.Single(Hosts, h => h.Host == a);
    }
}
