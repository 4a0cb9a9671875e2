using System.Runtime.CompilerServices;
using NetGuard.Core.Collections;
using NetGuard.Core.Packets;
using NetGuard.Core.Statistics;

namespace NetGuard.Aggregation.Tables;

/// <summary>
/// The hosts seen in the open second: address to slot, slots holding <see cref="HostSecond"/>.
/// Open addressing with linear probing; reset costs O(hosts used), not O(capacity). The bucket array
/// starts small and doubles when a second brings more hosts (never past what the capacity needs), so
/// an ordinary second's lookups stay in the cache instead of spreading over megabytes. A bucket keeps
/// the host's hash beside its slot, so <see cref="PrefetchSlot"/> names the right slot even when the
/// host does not sit in its home bucket (guessing the home bucket's slot was wrong for about a fifth
/// of lookups, and each wrong guess left a wait on memory for the slot).
/// </summary>
internal sealed class HostTable
{
    private const int InitialBuckets = 1 << 15;
    private const int HotBytes = 128;
    private readonly int[] _slotBucket;
    private readonly int _maxBuckets;

    /// <summary>The index: <see cref="TaggedBuckets"/> naming slots.</summary>
    private ulong[] _buckets;
    private int _mask;

    public HostTable(int capacity)
    {
        Capacity = capacity;
        _maxBuckets = HashSize.ForCapacity(capacity);
        _buckets = new ulong[Math.Min(_maxBuckets, InitialBuckets)];
        _mask = _buckets.Length - 1;
        Slots = new HostSecond[capacity];
        _slotBucket = new int[capacity];
    }

    public int Capacity { get; }

    public int Count { get; private set; }

    /// <summary>Slots 0 to <see cref="Count"/> - 1 are in use.</summary>
    public HostSecond[] Slots { get; }

    /// <summary>Returns the host's slot, adding it if there is room; -1 when the table is full.</summary>
    public int GetOrAdd(in NetAddress address) => GetOrAdd(address, (uint)address.GetHashCode());

    /// <inheritdoc cref="GetOrAdd(in NetAddress)"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int GetOrAdd(in NetAddress address, uint hash)
    {
        var bucket = (int)hash & _mask;
        while (true)
        {
            var entry = _buckets[bucket];
            if (entry == 0)
            {
                return Add(address, hash, bucket);
            }

            if (TaggedBuckets.HashOf(entry) == hash && Slots[TaggedBuckets.SlotOf(entry)].Host == address)
            {
                return TaggedBuckets.SlotOf(entry);
            }

            bucket = (bucket + 1) & _mask;
        }
    }

    /// <summary>Brings the address's bucket toward the cache, for a lookup a few packets later.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void PrefetchBucket(uint hash) => Prefetch.Line(ref _buckets[(int)hash & _mask]);

    /// <summary>
    /// Brings the host's slot toward the cache (its bucket was prefetched earlier): the first slot with
    /// the host's hash in the home bucket or the next; nothing when the host is not there yet this second.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void PrefetchSlot(uint hash)
    {
        var slot = TaggedBuckets.Likely(_buckets, _mask, hash);
        if (slot >= 0)
        {
            // The address and both directions' counters: the first 128 bytes of the slot.
            Prefetch.Bytes(ref Slots[slot], HotBytes);
        }
    }

    private int Add(in NetAddress address, uint hash, int bucket)
    {
        if (Count == Capacity)
        {
            return -1;
        }

        if (Count * 2 >= _buckets.Length && _buckets.Length < _maxBuckets)
        {
            Grow();
            bucket = (int)hash & _mask;
            while (_buckets[bucket] != 0)
            {
                bucket = (bucket + 1) & _mask;
            }
        }

        var slot = Count++;
        Slots[slot].Host = address;
        _slotBucket[slot] = bucket;
        _buckets[bucket] = TaggedBuckets.Bucket(hash, slot);
        return slot;
    }

    /// <summary>Doubles the buckets and re-inserts this second's hosts.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow()
    {
        _buckets = TaggedBuckets.Rehash(_buckets, _buckets.Length * 2);
        _mask = _buckets.Length - 1;
        for (var bucket = 0; bucket < _buckets.Length; bucket++)
        {
            if (_buckets[bucket] != 0)
            {
                _slotBucket[TaggedBuckets.SlotOf(_buckets[bucket])] = bucket;
            }
        }
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
