using System.Runtime.CompilerServices;

namespace NetGuard.Aggregation.Tables;

/// <summary>Free list, LRU list and chain maintenance.</summary>
internal sealed partial class FlowTable
{
    private int Allocate()
    {
        if (_freeHead != None)
        {
            var index = _freeHead;
            _freeHead = _entries[index].ChainNext - 1;
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
        ref var link = ref _buckets[Bucket(e)];
        while (link != index + 1)
        {
            link = ref _entries[link - 1].ChainNext;
        }

        link = e.ChainNext;
        Unlink(index);
        e = default;
        e.ChainNext = _freeHead + 1;
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
