using System.Diagnostics;

namespace NetGuard.Detection.Numerics;

/// <summary>A fixed-capacity FIFO of doubles: the sliding windows every detector keeps. Allocates only in the constructor.</summary>
internal sealed class RingBuffer
{
    private readonly double[] _items;
    private int _start;

    public RingBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _items = new double[capacity];
    }

    public int Capacity => _items.Length;

    public int Count { get; private set; }

    public bool IsFull => Count == _items.Length;

    /// <summary>Item <paramref name="index"/> counted from the oldest (0) to the newest (Count − 1).</summary>
    public double this[int index]
    {
        get
        {
            Debug.Assert((uint)index < (uint)Count);
            var i = _start + index;
            return _items[i >= _items.Length ? i - _items.Length : i];
        }
    }

    public double Newest => this[Count - 1];

    /// <summary>Appends <paramref name="value"/>; when full, drops the oldest item and returns true with it.</summary>
    public bool Add(double value, out double evicted)
    {
        if (Count < _items.Length)
        {
            var end = _start + Count;
            _items[end >= _items.Length ? end - _items.Length : end] = value;
            Count++;
            evicted = 0;
            return false;
        }

        evicted = _items[_start];
        _items[_start] = value;
        _start = _start + 1 == _items.Length ? 0 : _start + 1;
        return true;
    }

    /// <summary>The items as at most two contiguous runs, oldest first, so hot loops need no modulo.</summary>
    public void GetSegments(out ReadOnlySpan<double> first, out ReadOnlySpan<double> second)
    {
        var firstLength = Math.Min(Count, _items.Length - _start);
        first = _items.AsSpan(_start, firstLength);
        second = _items.AsSpan(0, Count - firstLength);
    }

    /// <summary>Copies the newest <paramref name="destination"/>.Length items, oldest first.</summary>
    public void CopyNewest(Span<double> destination)
    {
        Debug.Assert(destination.Length <= Count);
        var offset = Count - destination.Length;
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = this[offset + i];
        }
    }

    public void Clear()
    {
        _start = 0;
        Count = 0;
    }
}
