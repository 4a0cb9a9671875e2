namespace NetGuard.Core.Statistics;

/// <summary>
/// Everything aggregated for one closed second. The aggregator reuses its buffers: a sink reads
/// the snapshot during <see cref="ISecondSink.OnSecond"/> and copies what it keeps.
/// </summary>
public sealed class SecondSnapshot
{
    private HostSecond[] _hosts = [];
    private int _count;

    /// <summary>The second, in Unix seconds of packet time.</summary>
    public long Second { get; private set; }

    public ReadOnlySpan<HostSecond> Hosts => _hosts.AsSpan(0, _count);

    /// <summary>IP packets in this second, including those whose hosts did not fit the host table.</summary>
    public long Packets { get; private set; }

    public long Bytes { get; private set; }

    /// <summary>Packet ends (source or destination) not counted for lack of room in the host table.</summary>
    public long UntrackedHostPackets { get; private set; }

    /// <summary>Peer or port pairs not counted for lack of room: distinct counts this second are lower bounds.</summary>
    public long UntrackedPairs { get; private set; }

    /// <summary>Sets the snapshot's content; the aggregator owns <paramref name="hosts"/>.</summary>
    public void Set(long second, HostSecond[] hosts, int count, long packets, long bytes, long untrackedHostPackets, long untrackedPairs)
    {
        Second = second;
        _hosts = hosts;
        _count = count;
        Packets = packets;
        Bytes = bytes;
        UntrackedHostPackets = untrackedHostPackets;
        UntrackedPairs = untrackedPairs;
    }
}
