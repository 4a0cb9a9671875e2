using System.Runtime.CompilerServices;
using NetGuard.Core.Collections;

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
        TaggedBuckets.Delete(_buckets, _mask, Hash(e), index);
        Unlink(index);
        e = default;
        e.NextFree = _freeHead + 1;
        _freeHead = index;
        Count--;
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
