using System.Runtime.CompilerServices;
using NetGuard.Core.Packets;

namespace NetGuard.Aggregation.Tables;

/// <summary>
/// Counts occurrences of (slot, value) pairs within one second, for distinct counts: a pair's
/// first occurrence is what makes a peer or port "distinct". Bounded; a full table refuses new pairs.
/// It starts small and doubles when a second needs more room (never past its capacity), so a
/// quiet network's tables stay in the cache instead of spreading a few pairs over megabytes.
/// The caller supplies the pair's hash (<see cref="Hash"/> of anything that identifies it): the
/// aggregator hashes the two hosts' address hashes, which a packet carries, so the bucket can be
/// prefetched 16 packets ahead, before the hosts' slots are known.
/// </summary>
internal sealed class PairTable
{
    private const int InitialCapacity = 1 << 14;

    // Slot, value, count and hash side by side: 16 bytes, one cache line per probe.
    private Entry[] _entries;
    private int[] _used;
    private int _mask;
    private int _room;

    public PairTable(int capacity)
    {
        Capacity = capacity;
        _room = Math.Min(capacity, InitialCapacity);
        _entries = new Entry[HashSize.ForCapacity(_room)];
        _used = new int[_room];
        _mask = _entries.Length - 1;
    }

    public int Capacity { get; }

    public int Count { get; private set; }

    /// <summary>Pairs refused this second because the table was full.</summary>
    public long Refused { get; private set; }

    /// <summary>A pair's hash from two 32-bit parts (host hashes, or a host hash and a port).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Hash(uint first, uint second) => (uint)Hashing.Mix(((ulong)first << 32) | second);

    /// <summary>Counts one occurrence; returns 1 for a pair's first, more after, and 0 when it was refused.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Increment(int slot, uint value, uint hash)
    {
        var bucket = (int)hash & _mask;
        while (true)
        {
            ref var e = ref _entries[bucket];
            if (e.Count == 0)
            {
                return Add(slot, value, hash, bucket);
            }

            if (e.Hash == hash && e.Slot == slot && e.Value == value)
            {
                return ++e.Count;
            }

            bucket = (bucket + 1) & _mask;
        }
    }

    /// <summary>Brings the pair's first bucket toward the cache, for an increment a few packets later.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void PrefetchPair(uint hash) => Prefetch.Line(ref _entries[(int)hash & _mask]);

    /// <summary>Calls <paramref name="visit"/> with the slot, value and count of every pair.</summary>
    public void ForEach<TVisitor>(ref TVisitor visit)
        where TVisitor : struct, IPairVisitor
    {
        for (var i = 0; i < Count; i++)
        {
            ref readonly var e = ref _entries[_used[i]];
            visit.Visit(e.Slot, e.Value, e.Count);
        }
    }

    public void Reset()
    {
        for (var i = 0; i < Count; i++)
        {
            _entries[_used[i]].Count = 0;
        }

        Count = 0;
        Refused = 0;
    }

    private int Add(int slot, uint value, uint hash, int bucket)
    {
        if (Count == _room)
        {
            if (_room == Capacity)
            {
                Refused++;
                return 0;
            }

            Grow();
            return Increment(slot, value, hash);
        }

        _entries[bucket] = new Entry { Slot = slot, Value = value, Count = 1, Hash = hash };
        _used[Count++] = bucket;
        return 1;
    }

    /// <summary>Doubles the room (up to the capacity) and re-inserts this second's pairs by their kept hashes.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow()
    {
        var old = _entries;
        var used = _used;
        var count = Count;
        _room = (int)Math.Min((long)_room * 2, Capacity);
        _entries = new Entry[HashSize.ForCapacity(_room)];
        _mask = _entries.Length - 1;
        _used = new int[_room];
        Count = 0;
        for (var i = 0; i < count; i++)
        {
            var e = old[used[i]];
            var bucket = (int)e.Hash & _mask;
            while (_entries[bucket].Count != 0)
            {
                bucket = (bucket + 1) & _mask;
            }

            _entries[bucket] = e;
            _used[Count++] = bucket;
        }
    }

    /// <summary>A pair; <see cref="Count"/> 0 marks an empty bucket.</summary>
    private struct Entry
    {
        public int Slot;
        public uint Value;
        public int Count;
        public uint Hash;
    }
}
