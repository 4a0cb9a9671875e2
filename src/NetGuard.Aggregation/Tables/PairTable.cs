using System.Runtime.CompilerServices;
using NetGuard.Core.Packets;

namespace NetGuard.Aggregation.Tables;

/// <summary>
/// Counts occurrences of (slot, value) pairs within one second, for distinct counts: a pair's
/// first occurrence is what makes a peer or port "distinct". Bounded; a full table refuses new pairs.
/// </summary>
internal sealed class PairTable
{
    // Key and count side by side: one cache line per probe instead of two.
    private readonly Entry[] _entries;
    private readonly int[] _used;
    private readonly int _mask;

    public PairTable(int capacity)
    {
        Capacity = capacity;
        _entries = new Entry[HashSize.ForCapacity(capacity)];
        _used = new int[capacity];
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
                if (Count == Capacity)
                {
                    Refused++;
                    return 0;
                }

                e.Key = key;
                e.Count = 1;
                _used[Count++] = bucket;
                return 1;
            }

            bucket = (bucket + 1) & _mask;
        }
    }

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
