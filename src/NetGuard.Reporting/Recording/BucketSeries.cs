namespace NetGuard.Reporting.Recording;

/// <summary>
/// Per-second values in a fixed number of buckets. Bucket i covers <see cref="Width"/> seconds from
/// the first second added; a second past the last bucket makes neighbours merge in pairs and the
/// width double. Memory is fixed however long the capture; min and max survive every merge.
/// </summary>
internal sealed class BucketSeries
{
    private readonly Bucket[] _buckets;
    private long _origin;
    private int _used;

    public BucketSeries(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        _buckets = new Bucket[capacity];
    }

    public long Width { get; private set; } = 1;

    public bool IsEmpty => _used == 0;

    /// <summary>Adds one second's value. A second before the first one (time went back) is not charted.</summary>
    public void Add(long second, double value)
    {
        if (_used == 0)
        {
            _origin = second;
        }
        else if (second < _origin)
        {
            return;
        }

        var index = (second - _origin) / Width;
        while (index >= _buckets.Length)
        {
            Coarsen();
            index = (second - _origin) / Width;
        }

        _buckets[index].Add(value);
        _used = Math.Max(_used, (int)index + 1);
    }

    /// <summary>The buckets that hold values; seconds without a value are left out (a gap in the line).</summary>
    public List<SeriesPoint> Points()
    {
        var points = new List<SeriesPoint>(_used);
        for (var i = 0; i < _used; i++)
        {
            ref readonly var b = ref _buckets[i];
            if (b.Count > 0)
            {
                points.Add(new SeriesPoint(_origin + (i * Width), Width, b.Min, b.Max, b.Sum / b.Count));
            }
        }

        return points;
    }

    /// <summary>
    /// Every bucket up to <paramref name="end"/> (exclusive), a second without a value counting as 0:
    /// a rate that had no packets was 0, not unknown.
    /// </summary>
    public List<SeriesPoint> PointsWithZeros(long end)
    {
        var points = new List<SeriesPoint>(_used);
        for (var i = 0; i < _used; i++)
        {
            ref readonly var b = ref _buckets[i];
            var start = _origin + (i * Width);
            var span = Math.Max(1, Math.Min(Width, end - start));
            var full = b.Count >= span;
            points.Add(new SeriesPoint(start, span, full ? b.Min : 0, b.Count > 0 ? b.Max : 0, b.Sum / Math.Max(span, b.Count)));
        }

        return points;
    }

    private void Coarsen()
    {
        var half = (_used + 1) / 2;
        for (var i = 0; i < half; i++)
        {
            var right = (2 * i) + 1 < _used ? _buckets[(2 * i) + 1] : default;
            _buckets[i] = Bucket.Merge(_buckets[2 * i], right);
        }

        Array.Clear(_buckets, half, _buckets.Length - half);
        _used = half;
        Width *= 2;
    }
}
