using System.Runtime.InteropServices;
using NetGuard.Core.Packets;

namespace NetGuard.Reporting.Recording;

/// <summary>
/// The hosts with most bytes (sent and received), estimated with Space-Saving (Metwally et al. 2005)
/// in a fixed number of counters: a host that is new when all counters are taken replaces the
/// smallest and inherits its count as a possible overestimate. Any host with more than total/capacity
/// bytes is guaranteed a counter, so millions of spoofed one-packet sources cannot hide a real talker
/// nor grow the table. The smallest is found with a min-heap of (bytes, counter slot): sifting moves
/// small values in one array, and the address index is touched once per host-second (twice when a
/// counter changes hands).
/// </summary>
internal sealed class TopTalkers
{
    private readonly Talker[] _talkers;
    private readonly HeapEntry[] _heap;
    private readonly int[] _position;
    private readonly Dictionary<NetAddress, int> _slots;
    private int _count;

    public TopTalkers(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _talkers = new Talker[capacity];
        _heap = new HeapEntry[capacity];
        _position = new int[capacity];
        _slots = new Dictionary<NetAddress, int>(capacity + 1);
    }

    public void Add(in NetAddress host, long bytes, long packets)
    {
        ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_slots, host, out var tracked);
        if (tracked)
        {
            _talkers[slot].Bytes += bytes;
            _talkers[slot].Packets += packets;
            _heap[_position[slot]].Bytes = _talkers[slot].Bytes;
            SiftDown(_position[slot]);
            return;
        }

        if (_count < _talkers.Length)
        {
            slot = _count;
            _talkers[slot] = new Talker(host, bytes, packets, 0);
            _heap[_count] = new HeapEntry(bytes, slot);
            _position[slot] = _count;
            _count++;
            SiftUp(_count - 1);
            return;
        }

        // The smallest counter changes hands; its slot is set before its old host's entry goes.
        var smallest = _heap[0].Slot;
        var evicted = _talkers[smallest];
        slot = smallest;
        _slots.Remove(evicted.Host);
        _talkers[smallest] = new Talker(host, evicted.Bytes + bytes, packets, evicted.Bytes);
        _heap[0].Bytes = evicted.Bytes + bytes;
        SiftDown(0);
    }

    /// <summary>The <paramref name="count"/> largest, most bytes first.</summary>
    public IReadOnlyList<Talker> Top(int count) =>
        [.. _talkers.Take(_count).OrderByDescending(t => t.Bytes).ThenBy(t => t.Host.ToString(), StringComparer.Ordinal).Take(count)];

    private long BytesAt(int position) => _heap[position].Bytes;

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (BytesAt(parent) <= BytesAt(i))
            {
                return;
            }

            Swap(i, parent);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            var smallest = i;
            var left = (2 * i) + 1;
            var right = left + 1;
            if (left < _count && BytesAt(left) < BytesAt(smallest))
            {
                smallest = left;
            }

            if (right < _count && BytesAt(right) < BytesAt(smallest))
            {
                smallest = right;
            }

            if (smallest == i)
            {
                return;
            }

            Swap(i, smallest);
            i = smallest;
        }
    }

    private void Swap(int a, int b)
    {
        (_heap[a], _heap[b]) = (_heap[b], _heap[a]);
        _position[_heap[a].Slot] = a;
        _position[_heap[b].Slot] = b;
    }

    /// <summary>A heap entry: the counter's bytes (the key, kept beside the slot for cheap sifting) and its slot.</summary>
    private record struct HeapEntry(long Bytes, int Slot);
}
