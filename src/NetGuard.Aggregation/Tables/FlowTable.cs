using System.Runtime.CompilerServices;
using NetGuard.Core.Packets;

namespace NetGuard.Aggregation.Tables;

/// <summary>
/// Bounded table of bidirectional 5-tuple flows. Chained hashing over a fixed entry array, an
/// intrusive recency list (second granularity) for idle expiry and eviction. Nothing is allocated after construction.
/// </summary>
internal sealed partial class FlowTable
{
    private const int None = -1;
    private readonly FlowEntry[] _entries;
    private readonly int[] _buckets;
    private readonly int _mask;
    private readonly long _idleMicros;
    private readonly long _activeMicros;
    private int _lruHead = None;
    private int _lruTail = None;
    private int _freeHead = None;
    private int _neverUsed;

    public FlowTable(int capacity, TimeSpan idleTimeout, TimeSpan activeTimeout)
    {
        _entries = new FlowEntry[capacity];
        _buckets = new int[HashSize.ForCapacity(capacity) / 2];
        _mask = _buckets.Length - 1;
        _idleMicros = (long)idleTimeout.TotalMicroseconds;
        _activeMicros = (long)activeTimeout.TotalMicroseconds;
    }

    public int Capacity => _entries.Length;

    public int Count { get; private set; }

    public long Evicted { get; private set; }

    public long ExpiredIdle { get; private set; }

    public long SplitActive { get; private set; }

    /// <summary>
    /// Records a packet of the flow; returns true when it starts a new flow. The packet's source
    /// becomes the initiator of a new flow.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Observe(in PacketRecord packet)
    {
        var now = packet.TimestampMicros;
        ExpireIdle(now);

        var sourceFirst = SourceFirst(packet);
        ref readonly var a = ref sourceFirst ? ref packet.Source : ref packet.Destination;
        ref readonly var b = ref sourceFirst ? ref packet.Destination : ref packet.Source;
        var portA = sourceFirst ? packet.SourcePort : packet.DestinationPort;
        var portB = sourceFirst ? packet.DestinationPort : packet.SourcePort;
        var bucket = Bucket(a, b, portA, portB, packet.Protocol);

        for (var i = _buckets[bucket] - 1; i != None; i = _entries[i].ChainNext - 1)
        {
            ref var e = ref _entries[i];
            if (e.PortA == portA && e.PortB == portB && e.Protocol == packet.Protocol && e.AddressA == a && e.AddressB == b)
            {
                if (now - e.FirstMicros > _activeMicros)
                {
                    SplitActive++;
                    e.FirstMicros = now;
                }

                // Recency is kept per second, not per packet: a flow already moved to the front this
                // second stays where it is. That keeps the list ordered well enough for idle expiry
                // (timeouts are tens of seconds) and spares most packets two neighbour cache misses.
                if (e.LastMicros / 1_000_000 != now / 1_000_000)
                {
                    MoveToFront(i);
                }

                e.LastMicros = Math.Max(e.LastMicros, now);
                e.Packets++;
                e.Bytes += packet.IpLength;
                return false;
            }
        }

        var index = Allocate();
        ref var n = ref _entries[index];
        n.AddressA = a;
        n.AddressB = b;
        n.PortA = portA;
        n.PortB = portB;
        n.Protocol = packet.Protocol;
        n.InitiatorIsA = sourceFirst;
        n.FirstMicros = now;
        n.LastMicros = now;
        n.Packets = 1;
        n.Bytes = packet.IpLength;
        n.Bucket = bucket;
        n.ChainNext = _buckets[bucket];
        _buckets[bucket] = index + 1;
        PushFront(index);
        Count++;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool SourceFirst(in PacketRecord p)
    {
        if (p.Source.High != p.Destination.High)
        {
            return p.Source.High < p.Destination.High;
        }

        if (p.Source.Low != p.Destination.Low)
        {
            return p.Source.Low < p.Destination.Low;
        }

        return p.SourcePort <= p.DestinationPort;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Bucket(in NetAddress a, in NetAddress b, ushort portA, ushort portB, IpProtocol protocol)
    {
        var h = Hashing.Mix(a.High ^ (a.Low * 31) ^ ((ulong)portA << 48 | (ulong)portB << 32 | (byte)protocol));
        return (int)Hashing.Mix(h ^ b.High ^ (b.Low * 17)) & _mask;
    }

    private void ExpireIdle(long now)
    {
        while (_lruTail != None && now - _entries[_lruTail].LastMicros > _idleMicros)
        {
            Remove(_lruTail);
            ExpiredIdle++;
        }
    }
}
