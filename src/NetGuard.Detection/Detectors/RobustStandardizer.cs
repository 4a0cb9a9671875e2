using NetGuard.Detection.Numerics;

namespace NetGuard.Detection.Detectors;

/// <summary>
/// Standardises a value against a sliding window by median and MAD: z = (x − median) / scale.
/// </summary>
/// <remarks>
/// scale = 1.4826·MAD, consistent with σ for Gaussian data. Counts that are mostly one value (MAD = 0,
/// e.g. zero SYNs most seconds) fall back to 1.2533·mean absolute deviation (also consistent with σ),
/// and an all-equal window to a tiny floor: then any different value is a maximal departure, and the same
/// value is z = 0, never an alarm.
/// </remarks>
internal sealed class RobustStandardizer
{
    private const double MadToSigma = 1.4826;
    private const double MeanAdToSigma = 1.2533;
    private const double RelativeFloor = 1e-12;
    private const double AbsoluteFloor = 1e-300;

    private readonly SortedWindow _window;

    public RobustStandardizer(int windowLength) => _window = new SortedWindow(windowLength);

    public bool IsFull => _window.IsFull;

    /// <summary>z of <paramref name="value"/> against the window (not yet including it); 0 for an empty window.</summary>
    public double Standardize(double value)
    {
        if (_window.Count == 0)
        {
            return 0;
        }

        var median = _window.Median();
        var deviation = value - median;
        if (deviation == 0)
        {
            return 0;
        }

        var scale = MadToSigma * _window.MedianAbsoluteDeviation(median);
        if (!(scale > 0))
        {
            scale = MeanAdToSigma * _window.MeanAbsoluteDeviation(median);
        }

        scale = Math.Max(scale, Math.Max(AbsoluteFloor, RelativeFloor * Math.Abs(median)));
        var z = deviation / scale;
        return double.IsNaN(z) ? 0 : z;
    }

    public void Add(double value) => _window.Add(value);
}
