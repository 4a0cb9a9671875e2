using System.Runtime.CompilerServices;
using NetGuard.Core.Collections;
using NetGuard.Core.Packets;

namespace NetGuard.Aggregation.Tables;

/// <summary>
/// Bounded table of bidirectional 5-tuple flows: a fixed entry array, an open-addressed index over it,
/// and an intrusive recency list (second granularity) for idle expiry and eviction. Each index bucket
/// holds the flow's full 32-bit hash beside its entry number, so a lookup compares hashes in the index
/// and reads (almost always) exactly one entry, the one <see cref="PrefetchEntry"/> already asked for;
/// with chains, a collision meant a second entry nobody had prefetched (a fifth of the aggregation
/// thread's time went to that wait). The index starts small and doubles, at most half full, up to what
/// the capacity needs; entries are preallocated and nothing else is allocated.
/// </summary>
internal sealed partial class FlowTable
{
    private const int None = -1;
    private const int InitialBuckets = 1 << 15;
    private const long MicrosPerSecond = 1_000_000;
    private readonly FlowEntry[] _entries;
    private readonly int _maxBuckets;
    private readonly long _idleMicros;
    private readonly long _activeSeconds;

    /// <summary>The index: <see cref="TaggedBuckets"/> naming entries.</summary>
    private ulong[] _buckets;
    private int _mask;
    private long _epochSecond = long.MinValue;
    private int _lruHead = None;
    private int _lruTail = None;
    private int _freeHead = None;
    private int _neverUsed;

    public FlowTable(int capacity, TimeSpan idleTimeout, TimeSpan activeTimeout)
    {
        _entries = new FlowEntry[capacity];
        _maxBuckets = HashSize.ForCapacity(capacity);
        _buckets = new ulong[Math.Min(_maxBuckets, InitialBuckets)];
        _mask = _buckets.Length - 1;
        _idleMicros = (long)idleTimeout.TotalMicroseconds;
        _activeSeconds = (long)Math.Ceiling(activeTimeout.TotalSeconds);
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

        var sourceFirst = packet.SourceIsFirst;
        ref readonly var a = ref sourceFirst ? ref packet.Source : ref packet.Destination;
        ref readonly var b = ref sourceFirst ? ref packet.Destination : ref packet.Source;
        var portA = sourceFirst ? packet.SourcePort : packet.DestinationPort;
        var portB = sourceFirst ? packet.DestinationPort : packet.SourcePort;
        var hash = packet.FlowHash;
        for (var bucket = (int)hash & _mask; ; bucket = (bucket + 1) & _mask)
        {
            var slot = _buckets[bucket];
            if (slot == 0)
            {
                break;
            }

            if (TaggedBuckets.HashOf(slot) != hash)
            {
                continue;
            }

            var i = TaggedBuckets.SlotOf(slot);
            ref var e = ref _entries[i];
            if (e.PortA == portA && e.PortB == portB && e.Protocol == packet.Protocol && e.AddressA == a && e.AddressB == b)
            {
                var second = SecondOf(now);
                if (second - e.FirstSecond > _activeSeconds)
                {
                    SplitActive++;
                    e.FirstSecond = second;
                }

                // Recency is kept per second, not per packet: a flow already moved to the front this
                // second stays where it is. That keeps the list ordered well enough for idle expiry
                // (timeouts are tens of seconds) and spares most packets two neighbour cache misses.
                if (e.LastMicros / MicrosPerSecond != now / MicrosPerSecond)
                {
                    MoveToFront(i);
                }

                e.LastMicros = Math.Max(e.LastMicros, now);
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
        n.FirstSecond = SecondOf(now);
        n.LastMicros = now;
        // Indexed by the entry's own hash, the one Remove computes: the two can never disagree.
        TaggedBuckets.Insert(_buckets, _mask, Hash(n), index);
        PushFront(index);
        Count++;
        if (Count * 2 > _buckets.Length && _buckets.Length < _maxBuckets)
        {
            Grow();
        }

        return true;
    }

    /// <summary>Seconds after the first packet the table saw, clamped into an int (a capture may jump decades).</summary>
    private int SecondOf(long micros)
    {
        var second = micros / MicrosPerSecond;
        if (_epochSecond == long.MinValue)
        {
            _epochSecond = second;
        }

        return (int)Math.Clamp(second - _epochSecond, int.MinValue, int.MaxValue);
    }

    /// <summary>Brings the packet's bucket toward the cache, for a lookup a few packets later.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void PrefetchBucket(in PacketRecord packet) => Prefetch.Line(ref _buckets[(int)packet.FlowHash & _mask]);

    /// <summary>
    /// Brings the packet's flow entry toward the cache (its bucket was prefetched earlier): the first
    /// of the two buckets where nearly every flow sits whose hash matches.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void PrefetchEntry(in PacketRecord packet)
    {
        var entry = TaggedBuckets.Likely(_buckets, _mask, packet.FlowHash);
        if (entry >= 0)
        {
            // An entry is one line's size but need not start on one.
            Prefetch.Bytes(ref _entries[entry], Unsafe.SizeOf<FlowEntry>());
        }
    }

    private static uint Hash(in FlowEntry e) =>
        PacketRecord.HashFlow((uint)e.AddressA.GetHashCode(), (uint)e.AddressB.GetHashCode(), e.PortA, e.PortB, e.Protocol);

    /// <summary>Doubles the index and re-inserts every flow by the hash its bucket kept.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow()
    {
        _buckets = TaggedBuckets.Rehash(_buckets, _buckets.Length * 2);
        _mask = _buckets.Length - 1;
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
