namespace NetGuard.Detection.Numerics;

/// <summary>
/// A sliding window of values with its mean and variance kept up to date in O(1) per value.
/// </summary>
/// <remarks>
/// ML.NET's IID detectors keep a running sum of squared pairwise distances, adding terms in double
/// and removing them in single precision; the sum drifts negative and the p-value becomes NaN. Here
/// the update is Welford's, in one precision for adding and removing, about the running mean (so an
/// offset such as 1e9 does not cancel the spread away), and every <c>Capacity</c> replacements the
/// moments are recomputed exactly by two passes over the window, which bounds any drift that is left.
/// </remarks>
internal sealed class SlidingMoments
{
    private readonly RingBuffer _window;
    private readonly int _recomputeEvery;
    private double _mean;
    private double _m2;
    private int _sinceExact;

    /// <param name="capacity">Window length.</param>
    /// <param name="recomputeEvery">Replacements between exact recomputations; 0 = never (tests use it to measure raw drift).</param>
    public SlidingMoments(int capacity, int? recomputeEvery = null)
    {
        _window = new RingBuffer(capacity);
        _recomputeEvery = recomputeEvery ?? capacity;
    }

    public RingBuffer Window => _window;

    public int Count => _window.Count;

    public bool IsFull => _window.IsFull;

    public double Mean => _mean;

    /// <summary>Population variance (divisor n) of the window; never negative.</summary>
    public double PopulationVariance => _window.Count == 0 ? 0.0 : Math.Max(0.0, _m2 / _window.Count);

    public void Add(double value)
    {
        if (!_window.Add(value, out var evicted))
        {
            var n = _window.Count;
            var delta = value - _mean;
            _mean += delta / n;
            _m2 += delta * (value - _mean);
            return;
        }

        // Replacing one value keeps n fixed: M2' = M2 + (x − r)(x − m' + r − m).
        var oldMean = _mean;
        _mean += (value - evicted) / _window.Count;
        _m2 += (value - evicted) * (value - _mean + evicted - oldMean);
        if (_m2 < 0)
        {
            _m2 = 0;
        }

        if (_recomputeEvery > 0 && ++_sinceExact >= _recomputeEvery)
        {
            Recompute();
        }
    }

    /// <summary>Two-pass mean and sum of squared deviations over the window.</summary>
    public void Recompute()
    {
        _sinceExact = 0;
        _window.GetSegments(out var first, out var second);
        var n = _window.Count;
        if (n == 0)
        {
            _mean = 0;
            _m2 = 0;
            return;
        }

        double sum = 0;
        foreach (var v in first)
        {
            sum += v;
        }

        foreach (var v in second)
        {
            sum += v;
        }

        var mean = sum / n;
        double m2 = 0, correction = 0;
        foreach (var v in first)
        {
            m2 += (v - mean) * (v - mean);
            correction += v - mean;
        }

        foreach (var v in second)
        {
            m2 += (v - mean) * (v - mean);
            correction += v - mean;
        }

        // The compensated two-pass form: the mean's own rounding error is taken back out.
        _mean = mean + (correction / n);
        _m2 = Math.Max(0.0, m2 - (correction * correction / n));
    }

    public void Clear()
    {
        _window.Clear();
        _mean = 0;
        _m2 = 0;
        _sinceExact = 0;
    }
}
