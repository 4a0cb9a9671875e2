using NetGuard.Detection.Detectors;

namespace NetGuard.Evaluation.Detectors;

/// <summary>
/// A deliberately plain baseline so the harness runs end to end: the z-score of each value against
/// the mean and standard deviation of the previous <c>window</c> values, scored 1 − 2·Q(|z|)
/// (one minus the two-sided normal tail). No look-ahead and no knowledge of the series' range.
/// </summary>
/// <remarks>
/// The window statistics are kept with sliding Welford updates on values shifted by a recent mean (so a
/// series riding on a large offset, such as a byte counter, keeps its precision), and recomputed exactly
/// from the ring every <c>window</c> values so that rounding cannot drift. A value that differs from a
/// constant history scores 1; one equal to it scores 0.
/// </remarks>
internal sealed class WindowedGaussianDetector : IStreamingDetector
{
    /// <summary>One day of NAB's usual 5-minute sampling, chosen before looking at any score.</summary>
    public const int DefaultWindow = 288;

    /// <summary>Values needed before a z-score means anything.</summary>
    public const int DefaultMinHistory = 32;

    private readonly double[] _ring;
    private readonly int _minHistory;
    private int _count;
    private int _next;
    private int _sinceRecompute;
    private double _shift;
    private double _mean;
    private double _m2;

    public WindowedGaussianDetector(int window = DefaultWindow, int minHistory = DefaultMinHistory)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(minHistory, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minHistory, window);
        _ring = new double[window];
        _minHistory = minHistory;
    }

    public string Name => "windowed-gaussian";

    public bool IsWarm => _count >= _minHistory;

    public double Score(double value)
    {
        if (!double.IsFinite(value))
        {
            return 0;
        }

        var score = IsWarm ? ScoreAgainstHistory(value) : 0;
        Add(value);
        return score;
    }

    private double ScoreAgainstHistory(double value)
    {
        var variance = Math.Max(_m2, 0) / (_count - 1);
        var deviation = Math.Abs(value - _shift - _mean);
        if (!(variance > 0))
        {
            return deviation > 0 ? 1 : 0;
        }

        var score = 1 - (2 * NormalTail.Upper(deviation / Math.Sqrt(variance)));
        return double.IsFinite(score) ? Math.Clamp(score, 0, 1) : 1;
    }

    private void Add(double value)
    {
        if (_count == 0)
        {
            _shift = value;
        }

        var y = value - _shift;
        if (_count < _ring.Length)
        {
            _count++;
            var delta = y - _mean;
            _mean += delta / _count;
            _m2 += delta * (y - _mean);
        }
        else
        {
            var old = _ring[_next] - _shift;
            var mean = _mean + ((y - old) / _count);
            _m2 += (y - old) * (y - mean + old - _mean);
            _mean = mean;
        }

        _ring[_next] = value;
        _next = (_next + 1) % _ring.Length;

        if (++_sinceRecompute >= _ring.Length)
        {
            Recompute();
        }
    }

    private void Recompute()
    {
        _sinceRecompute = 0;
        var sum = 0.0;
        for (var i = 0; i < _count; i++)
        {
            sum += _ring[i] - _shift;
        }

        // Two passes, shifted to the window's own mean.
        _shift += sum / _count;
        double mean = 0, m2 = 0;
        for (var i = 0; i < _count; i++)
        {
            var y = _ring[i] - _shift;
            var delta = y - mean;
            mean += delta / (i + 1);
            m2 += delta * (y - mean);
        }

        _mean = mean;
        _m2 = m2;
    }
}
