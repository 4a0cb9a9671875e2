using System.Runtime.CompilerServices;
using NetGuard.Core.Packets;

namespace NetGuard.Aggregation.Tables;

/// <summary>
/// Counts occurrences of (slot, value) pairs within one second, for distinct counts: a pair's
/// first occurrence is what makes a peer or port "distinct". Bounded; a full table refuses new pairs.
/// </summary>
internal sealed class PairTable
{
    private readonly long[] _keys;
    private readonly int[] _counts;
    private readonly int[] _used;
    private readonly int _mask;

    public PairTable(int capacity)
    {
        Capacity = capacity;
        _keys = new long[HashSize.ForCapacity(capacity)];
        _counts = new int[_keys.Length];
        _used = new int[capacity];
        _mask = _keys.Length - 1;
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
            var k = _keys[bucket];
            if (k == key)
            {
                return ++_counts[bucket];
            }

            if (k == 0)
            {
                if (Count == Capacity)
                {
                    Refused++;
                    return 0;
                }

                _keys[bucket] = key;
                _counts[bucket] = 1;
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
            var bucket = _used[i];
            var key = _keys[bucket] - 1;
            visit.Visit((int)(key >> 32), (uint)key, _counts[bucket]);
        }
    }

    public void Reset()
    {
        for (var i = 0; i < Count; i++)
        {
            _keys[_used[i]] = 0;
        }

        Count = 0;
        Refused = 0;
    }
}

internal interface IPairVisitor
{
    void Visit(int slot, uint value, int count);
}
