namespace NetGuard.Detection.Numerics;

/// <summary>
/// A sliding window kept both in arrival order and sorted, for the median and the median absolute
/// deviation in O(window) per value (a binary search and one array move to insert and to evict, a
/// half-window merge for the MAD). No allocation after construction.
/// </summary>
internal sealed class SortedWindow
{
    private readonly RingBuffer _order;
    private readonly double[] _sorted;

    public SortedWindow(int capacity)
    {
        _order = new RingBuffer(capacity);
        _sorted = new double[capacity];
    }

    public int Count => _order.Count;

    public bool IsFull => _order.IsFull;

    /// <summary>Adds a finite value, evicting the oldest when full.</summary>
    public void Add(double value)
    {
        var count = _order.Count;
        if (_order.Add(value, out var evicted))
        {
            // The evicted value is stored bit for bit, so an exact search finds it (or an equal twin).
            var at = Array.BinarySearch(_sorted, 0, count, evicted);
            Array.Copy(_sorted, at + 1, _sorted, at, count - at - 1);
            count--;
        }

        var insert = Array.BinarySearch(_sorted, 0, count, value);
        if (insert < 0)
        {
            insert = ~insert;
        }

        Array.Copy(_sorted, insert, _sorted, insert + 1, count - insert);
        _sorted[insert] = value;
    }

    /// <summary>The <paramref name="rank"/>-th smallest value (0 = the minimum, Count − 1 = the maximum).</summary>
    public double OrderStatistic(int rank)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rank);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(rank, _order.Count);
        return _sorted[rank];
    }

    /// <summary>How many values in the window are strictly below <paramref name="value"/>; O(log window).</summary>
    public int CountBelow(double value)
    {
        int low = 0, high = _order.Count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (_sorted[mid] < value)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    /// <summary>How many values in the window are strictly above <paramref name="value"/>; O(log window).</summary>
    public int CountAbove(double value)
    {
        int low = 0, high = _order.Count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (_sorted[mid] <= value)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return _order.Count - low;
    }

    public double Median()
    {
        var n = _order.Count;
        if (n == 0)
        {
            return 0;
        }

        return (n & 1) == 1 ? _sorted[n / 2] : 0.5 * (_sorted[(n / 2) - 1] + _sorted[n / 2]);
    }

    /// <summary>The median of |x − <paramref name="center"/>| over the window.</summary>
    public double MedianAbsoluteDeviation(double center)
    {
        var n = _order.Count;
        if (n == 0)
        {
            return 0;
        }

        // Deviations grow walking outward from the center on both sides: merge the two runs
        // until the middle order statistic(s) are reached.
        var right = Array.BinarySearch(_sorted, 0, n, center);
        if (right < 0)
        {
            right = ~right;
        }

        var left = right - 1;
        var lowRank = (n - 1) / 2;
        var highRank = n / 2;
        double low = 0;
        for (var rank = 0; ; rank++)
        {
            double next;
            if (left < 0)
            {
                next = _sorted[right++] - center;
            }
            else if (right >= n)
            {
                next = center - _sorted[left--];
            }
            else
            {
                var dl = center - _sorted[left];
                var dr = _sorted[right] - center;
                if (dl <= dr)
                {
                    next = dl;
                    left--;
                }
                else
                {
                    next = dr;
                    right++;
                }
            }

            if (rank == lowRank)
            {
                low = next;
            }

            if (rank == highRank)
            {
                return 0.5 * (low + next);
            }
        }
    }

    /// <summary>The mean of |x − <paramref name="center"/>| over the window.</summary>
    public double MeanAbsoluteDeviation(double center)
    {
        var n = _order.Count;
        double sum = 0;
        for (var i = 0; i < n; i++)
        {
            sum += Math.Abs(_sorted[i] - center);
        }

        return n == 0 ? 0 : sum / n;
    }
}
