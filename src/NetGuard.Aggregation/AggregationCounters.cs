namespace NetGuard.Aggregation;

/// <summary>What the aggregator had to fold, split, evict or leave out. Read from other threads via <see cref="Volatile"/>.</summary>
public sealed class AggregationCounters
{
    internal long _packets;
    internal long _secondsClosed;
    internal long _reordered;
    internal long _timeJumpsBack;
    internal long _untrackedHostPackets;
    internal long _untrackedPairs;
    internal long _flowsEvicted;
    internal long _flowsExpired;
    internal long _flowsSplit;
    internal long _flowsTracked;
    internal long _hostsLastSecond;

    public long Packets => Volatile.Read(ref _packets);

    public long SecondsClosed => Volatile.Read(ref _secondsClosed);

    /// <summary>Packets behind the open second, within tolerance, folded into it.</summary>
    public long Reordered => Volatile.Read(ref _reordered);

    /// <summary>Backward jumps of packet time beyond the tolerance: the open second was closed and time restarted.</summary>
    public long TimeJumpsBack => Volatile.Read(ref _timeJumpsBack);

    /// <summary>Packet ends not counted for a host because the host table was full that second.</summary>
    public long UntrackedHostPackets => Volatile.Read(ref _untrackedHostPackets);

    /// <summary>Peer or port pairs not counted because a pair table was full that second.</summary>
    public long UntrackedPairs => Volatile.Read(ref _untrackedPairs);

    /// <summary>Flows evicted to make room for new ones (least recently seen first).</summary>
    public long FlowsEvicted => Volatile.Read(ref _flowsEvicted);

    public long FlowsExpired => Volatile.Read(ref _flowsExpired);

    public long FlowsSplit => Volatile.Read(ref _flowsSplit);

    public long FlowsTracked => Volatile.Read(ref _flowsTracked);

    public long HostsLastSecond => Volatile.Read(ref _hostsLastSecond);
}
