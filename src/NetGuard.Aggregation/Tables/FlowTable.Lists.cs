using System.Runtime.CompilerServices;

namespace NetGuard.Aggregation.Tables;

/// <summary>Free list, recency list and index maintenance.</summary>
internal sealed partial class FlowTable
{
    private int Allocate()
    {
        if (_freeHead != None)
        {
            var index = _freeHead;
            _freeHead = _entries[index].NextFree - 1;
            return index;
        }

        if (_neverUsed < _entries.Length)
        {
            return _neverUsed++;
        }

        // Full: the least recently seen flow makes room.
        var victim = _lruTail;
        Remove(victim);
        Evicted++;
        return Allocate();
    }

    private void Remove(int index)
    {
        ref var e = ref _entries[index];
        Delete(Hash(e), index);
        Unlink(index);
        e = default;
        e.NextFree = _freeHead + 1;
        _freeHead = index;
        Count--;
    }

    /// <summary>Puts the entry in the first empty bucket from its hash's home on (the index is at most half full).</summary>
    private void Insert(uint hash, int index)
    {
        var bucket = (int)hash & _mask;
        while (_buckets[bucket] != 0)
        {
            bucket = (bucket + 1) & _mask;
        }

        _buckets[bucket] = ((ulong)hash << 32) | (uint)(index + 1);
    }

    /// <summary>
    /// Empties the entry's bucket and shifts later buckets of the same run back into the hole when their
    /// home allows (backward-shift deletion), so that no lookup stops early at a gap and no tombstones pile up.
    /// </summary>
    private void Delete(uint hash, int index)
    {
        var wanted = ((ulong)hash << 32) | (uint)(index + 1);
        var hole = (int)hash & _mask;
        for (var probes = 0; _buckets[hole] != wanted; probes++)
        {
            if (probes == _buckets.Length)
            {
                throw new InvalidOperationException($"flow entry {index} is missing from the flow index");
            }

            hole = (hole + 1) & _mask;
        }

        for (var next = (hole + 1) & _mask; _buckets[next] != 0; next = (next + 1) & _mask)
        {
            var home = (int)(_buckets[next] >> 32) & _mask;
            // The entry at next may move back to hole only if hole lies on its probe path (home .. next).
            if (((next - home) & _mask) >= ((next - hole) & _mask))
            {
                _buckets[hole] = _buckets[next];
                hole = next;
            }
        }

        _buckets[hole] = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void MoveToFront(int index)
    {
        if (_lruHead == index)
        {
            return;
        }

        Unlink(index);
        PushFront(index);
    }

    private void PushFront(int index)
    {
        ref var e = ref _entries[index];
        e.LruPrev = None;
        e.LruNext = _lruHead;
        if (_lruHead != None)
        {
            _entries[_lruHead].LruPrev = index;
        }

        _lruHead = index;
        if (_lruTail == None)
        {
            _lruTail = index;
        }
    }

    private void Unlink(int index)
    {
        ref var e = ref _entries[index];
        if (e.LruPrev != None)
        {
            _entries[e.LruPrev].LruNext = e.LruNext;
        }
        else
        {
            _lruHead = e.LruNext;
        }

        if (e.LruNext != None)
        {
            _entries[e.LruNext].LruPrev = e.LruPrev;
        }
        else
        {
            _lruTail = e.LruPrev;
        }
    }
}
