using System.Runtime.CompilerServices;
using NetGuard.Core.Packets;

namespace NetGuard.Aggregation.Tables;

/// <summary>
/// Counts occurrences of (slot, value) pairs within one second, for distinct counts: a pair's
/// first occurrence is what makes a peer or port "distinct". Bounded; a full table refuses new pairs.
/// It starts small and doubles when a second needs more room (never past its capacity), so a
/// quiet network's tables stay in the cache instead of spreading a few pairs over megabytes.
/// </summary>
internal sealed class PairTable
{
    private const int InitialCapacity = 1 << 14;

    // Key and count side by side: one cache line per probe instead of two.
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

    /// <summary>Counts one occurrence; returns 1 for a pair's first, more after, and 0 when it was refused.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Increment(int slot, uint value)
    {
        // Stored plus one so that zero can mean "empty"; a slot is below 2^31, so this cannot overflow.
        var key = ((long)slot << 32 | value) + 1;
        var bucket = (int)Hashing.Mix((ulong)key) & _mask;
        while (true)
        {
            ref var e = ref _entries[bucket];
            if (e.Key == key)
            {
                return ++e.Count;
            }

            if (e.Key == 0)
            {
                if (Count == _room)
                {
                    if (_room == Capacity)
                    {
                        Refused++;
                        return 0;
                    }

                    Grow();
                    return Increment(slot, value);
                }

                e.Key = key;
                e.Count = 1;
                _used[Count++] = bucket;
                return 1;
            }

            bucket = (bucket + 1) & _mask;
        }
    }

    /// <summary>Brings the pair's first bucket toward the cache, for an increment a few packets later.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void PrefetchPair(int slot, uint value) => Prefetch.Line(ref _entries[(int)Hashing.Mix((ulong)(((long)slot << 32 | value) + 1)) & _mask]);

    /// <summary>Calls <paramref name="visit"/> with the slot, value and count of every pair.</summary>
    public void ForEach<TVisitor>(ref TVisitor visit)
        where TVisitor : struct, IPairVisitor
    {
        for (var i = 0; i < Count; i++)
        {
            ref readonly var e = ref _entries[_used[i]];
            var key = e.Key - 1;
            visit.Visit((int)(key >> 32), (uint)key, e.Count);
        }
    }

    /// <summary>Doubles the room (up to the capacity) and re-inserts this second's pairs.</summary>
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
            var bucket = (int)Hashing.Mix((ulong)e.Key) & _mask;
            while (_entries[bucket].Key != 0)
            {
                bucket = (bucket + 1) & _mask;
            }

            _entries[bucket] = e;
            _used[Count++] = bucket;
        }
    }

    private struct Entry
    {
        public long Key;
        public int Count;
    }

    public void Reset()
    {
        for (var i = 0; i < Count; i++)
        {
            _entries[_used[i]].Key = 0;
        }

        Count = 0;
        Refused = 0;
    }
}
