namespace NetGuard.Detection.Detectors;

/// <summary>
/// Range novelty: scores 1 when a value falls outside the range of every value seen so far, widened on each
/// side by <see cref="RangeNoveltyOptions.Tolerance"/> times its width, else 0 — the running replacement for the
/// global minimum and maximum that NAB's scoreboard detectors are given in advance.
/// </summary>
/// <remarks>
/// Numenta's NAB detector adds this "spatial anomaly" test to HTM (numenta_detector.py, tolerance 0.05): a
/// value the series has never come near is anomalous whatever the model says. Nothing is reported while the
/// range is a single point, so a constant series never scores. Cost O(1); memory two doubles.
/// </remarks>
public sealed class RangeNoveltyDetector : IStreamingDetector
{
    private readonly double _tolerance;
    private readonly int _minHistory;
    private double _min = double.PositiveInfinity;
    private double _max = double.NegativeInfinity;
    private int _count;

    /// <summary>A detector with <paramref name="options"/>, or the defaults.</summary>
    public RangeNoveltyDetector(RangeNoveltyOptions? options = null)
    {
        options ??= new RangeNoveltyOptions();
        options.Validate();
        _tolerance = options.Tolerance;
        _minHistory = options.MinHistory;
    }

    /// <inheritdoc />
    public string Name => "range-novelty";

    /// <inheritdoc />
    public bool IsWarm => _count >= _minHistory;

    /// <inheritdoc />
    public double Score(double value)
    {
        if (!InputGuard.TryNormalize(value, out var x))
        {
            return 0;
        }

        var score = 0.0;
        if (IsWarm && _max > _min)
        {
            // Values are capped at 1e100, so the widened limits stay finite.
            var margin = (_max - _min) * _tolerance;
            score = x > _max + margin || x < _min - margin ? 1.0 : 0.0;
        }

        _min = Math.Min(_min, x);
        _max = Math.Max(_max, x);
        _count = _count == int.MaxValue ? _count : _count + 1;
        return score;
    }
}
