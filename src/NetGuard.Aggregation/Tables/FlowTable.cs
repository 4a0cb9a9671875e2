using System.Runtime.CompilerServices;
using NetGuard.Core.Packets;

namespace NetGuard.Aggregation.Tables;

/// <summary>
/// Bounded table of bidirectional 5-tuple flows. Chained hashing over a fixed entry array, an
/// intrusive recency list (second granularity) for idle expiry and eviction. The bucket array starts
/// small and doubles as flows accumulate (up to what the capacity needs), so lookups on an ordinary
/// network stay in the cache; entries are preallocated and nothing else is allocated.
/// </summary>
internal sealed partial class FlowTable
{
    private const int None = -1;
    private const int InitialBuckets = 1 << 14;
    private const long MicrosPerSecond = 1_000_000;
    private readonly FlowEntry[] _entries;
    private readonly int _maxBuckets;
    private readonly long _idleMicros;
    private readonly long _activeSeconds;
    private int[] _buckets;
    private int _mask;
    private long _epochSecond = long.MinValue;
    private int _lruHead = None;
    private int _lruTail = None;
    private int _freeHead = None;
    private int _neverUsed;

    public FlowTable(int capacity, TimeSpan idleTimeout, TimeSpan activeTimeout)
    {
        _entries = new FlowEntry[capacity];
        _maxBuckets = HashSize.ForCapacity(capacity) / 2;
        _buckets = new int[Math.Min(_maxBuckets, InitialBuckets)];
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
    public bool Observe(in PacketRecord packet) => Observe(packet, new PacketHashes(packet));

    /// <inheritdoc cref="Observe(in PacketRecord)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Observe(in PacketRecord packet, in PacketHashes hashes)
    {
        var now = packet.TimestampMicros;
        ExpireIdle(now);

        var sourceFirst = hashes.SourceFirst;
        ref readonly var a = ref sourceFirst ? ref packet.Source : ref packet.Destination;
        ref readonly var b = ref sourceFirst ? ref packet.Destination : ref packet.Source;
        var portA = sourceFirst ? packet.SourcePort : packet.DestinationPort;
        var portB = sourceFirst ? packet.DestinationPort : packet.SourcePort;
        var bucket = (int)hashes.Flow & _mask;

        for (var i = _buckets[bucket] - 1; i != None; i = _entries[i].ChainNext - 1)
        {
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
        if (Count >= _buckets.Length && _buckets.Length < _maxBuckets)
        {
            Grow();
            bucket = (int)hashes.Flow & _mask;
        }

        ref var n = ref _entries[index];
        n.AddressA = a;
        n.AddressB = b;
        n.PortA = portA;
        n.PortB = portB;
        n.Protocol = packet.Protocol;
        n.FirstSecond = SecondOf(now);
        n.LastMicros = now;
        n.ChainNext = _buckets[bucket];
        _buckets[bucket] = index + 1;
        PushFront(index);
        Count++;
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
    public void PrefetchBucket(in PacketHashes hashes) => Prefetch.Line(ref _buckets[(int)hashes.Flow & _mask]);

    /// <summary>Brings the first flow of the packet's bucket toward the cache (its bucket was prefetched earlier).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void PrefetchEntry(in PacketHashes hashes)
    {
        var first = _buckets[(int)hashes.Flow & _mask];
        if (first != 0)
        {
            Prefetch.Line(ref _entries[first - 1]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool SourceFirst(in PacketRecord p)
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

    /// <summary>The hash of a flow in canonical order; the bucket is its low bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static uint Hash(in NetAddress a, in NetAddress b, ushort portA, ushort portB, IpProtocol protocol)
    {
        var h = Hashing.Mix(a.High ^ (a.Low * 31) ^ ((ulong)portA << 48 | (ulong)portB << 32 | (byte)protocol));
        return (uint)Hashing.Mix(h ^ b.High ^ (b.Low * 17));
    }

    private int Bucket(in FlowEntry e) => (int)Hash(e.AddressA, e.AddressB, e.PortA, e.PortB, e.Protocol) & _mask;

    /// <summary>Doubles the buckets and re-chains every flow (they are all on the recency list).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow()
    {
        _buckets = new int[_buckets.Length * 2];
        _mask = _buckets.Length - 1;
        for (var i = _lruHead; i != None; i = _entries[i].LruNext)
        {
            ref var e = ref _entries[i];
            ref var head = ref _buckets[Bucket(e)];
            e.ChainNext = head;
            head = i + 1;
        }
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
