using NetGuard.Core.Packets;

namespace NetGuard.Reporting.Recording;

/// <summary>
/// The hosts with most bytes (sent and received), estimated with Space-Saving (Metwally et al. 2005)
/// in a fixed number of counters: a host that is new when all counters are taken replaces the
/// smallest and inherits its count as a possible overestimate. Any host with more than total/capacity
/// bytes is guaranteed a counter, so millions of spoofed one-packet sources cannot hide a real talker
/// nor grow the table.
/// </summary>
internal sealed class TopTalkers
{
    private readonly Talker[] _heap;
    private readonly Dictionary<NetAddress, int> _index;
    private int _count;

    public TopTalkers(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _heap = new Talker[capacity];
        _index = new Dictionary<NetAddress, int>(capacity);
    }

    public void Add(in NetAddress host, long bytes, long packets)
    {
        if (_index.TryGetValue(host, out var i))
        {
            _heap[i].Bytes += bytes;
            _heap[i].Packets += packets;
            SiftDown(i);
            return;
        }

        if (_count < _heap.Length)
        {
            i = _count++;
            _heap[i] = new Talker(host, bytes, packets, 0);
            _index[host] = i;
            SiftUp(i);
            return;
        }

        var smallest = _heap[0];
        _index.Remove(smallest.Host);
        _heap[0] = new Talker(host, smallest.Bytes + bytes, packets, smallest.Bytes);
        _index[host] = 0;
        SiftDown(0);
    }

    /// <summary>The <paramref name="count"/> largest, most bytes first.</summary>
    public IReadOnlyList<Talker> Top(int count) =>
        [.. _heap.Take(_count).OrderByDescending(t => t.Bytes).ThenBy(t => t.Host.ToString(), StringComparer.Ordinal).Take(count)];

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (_heap[parent].Bytes <= _heap[i].Bytes)
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
            if (left < _count && _heap[left].Bytes < _heap[smallest].Bytes)
            {
                smallest = left;
            }

            if (right < _count && _heap[right].Bytes < _heap[smallest].Bytes)
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
        _index[_heap[a].Host] = a;
        _index[_heap[b].Host] = b;
    }
}
