using System.Runtime.CompilerServices;
using NetGuard.Core.Packets;
using NetGuard.Core.Statistics;

namespace NetGuard.Aggregation.Tables;

/// <summary>
/// The hosts seen in the open second: address to slot, slots holding <see cref="HostSecond"/>.
/// Open addressing with linear probing; reset costs O(hosts used), not O(capacity).
/// </summary>
internal sealed class HostTable
{
    private readonly int[] _buckets;
    private readonly int[] _slotBucket;
    private readonly int _mask;

    public HostTable(int capacity)
    {
        Capacity = capacity;
        _buckets = new int[HashSize.ForCapacity(capacity)];
        _mask = _buckets.Length - 1;
        Slots = new HostSecond[capacity];
        _slotBucket = new int[capacity];
    }

    public int Capacity { get; }

    public int Count { get; private set; }

    /// <summary>Slots 0 to <see cref="Count"/> - 1 are in use.</summary>
    public HostSecond[] Slots { get; }

    /// <summary>Returns the host's slot, adding it if there is room; -1 when the table is full.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int GetOrAdd(in NetAddress address)
    {
        var bucket = address.GetHashCode() & _mask;
        while (true)
        {
            var entry = _buckets[bucket];
            if (entry == 0)
            {
                return Add(address, bucket);
            }

            if (Slots[entry - 1].Host == address)
            {
                return entry - 1;
            }

            bucket = (bucket + 1) & _mask;
        }
    }

    private int Add(in NetAddress address, int bucket)
    {
        if (Count == Capacity)
        {
            return -1;
        }

        var slot = Count++;
        Slots[slot].Host = address;
        _slotBucket[slot] = bucket;
        _buckets[bucket] = slot + 1;
        return slot;
    }

    public void Reset()
    {
        for (var i = 0; i < Count; i++)
        {
            _buckets[_slotBucket[i]] = 0;
        }

        Array.Clear(Slots, 0, Count);
        Count = 0;
    }
}
