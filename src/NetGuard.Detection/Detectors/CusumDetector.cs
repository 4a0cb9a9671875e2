namespace NetGuard.Detection.Detectors;

/// <summary>
/// Two-sided CUSUM (Page 1954) on robustly standardised values: z against the median and MAD of a
/// sliding window, S⁺ = max(0, S⁺ + z − k), S⁻ = max(0, S⁻ − z − k), score = min(1, max(S⁺, S⁻)/(2h)).
/// </summary>
/// <remarks>
/// The sums are capped at 2h rather than reset at an alarm: the score then stays at 1 while a shift
/// lasts and falls back within 2h/k values once the window has absorbed it (the median moves after
/// about half a window), with bounded state. Cost O(window) per value; warm once the window is full.
/// </remarks>
public sealed class CusumDetector : IStreamingDetector
{
    private readonly RobustStandardizer _standardizer;
    private readonly CusumOptions _options;
    private readonly double _cap;
    private double _up;
    private double _down;

    /// <summary>A detector with <paramref name="options"/>, or the defaults.</summary>
    public CusumDetector(CusumOptions? options = null)
    {
        options ??= new CusumOptions();
        options.Validate();
        _options = options;
        _cap = 2 * options.Threshold;
        _standardizer = new RobustStandardizer(options.WindowLength);
    }

    /// <inheritdoc />
    public string Name => "cusum";

    /// <inheritdoc />
    public bool IsWarm => _standardizer.IsFull;

    /// <summary>S⁺, the upward sum after the last value.</summary>
    public double UpperSum => _up;

    /// <summary>S⁻, the downward sum after the last value.</summary>
    public double LowerSum => _down;

    /// <inheritdoc />
    public double Score(double value)
    {
        if (!InputGuard.TryNormalize(value, out var x))
        {
            return 0;
        }

        var y = InputGuard.Transform(x, _options.Transform);
        var warm = _standardizer.IsFull;
        var z = warm ? Math.Clamp(_standardizer.Standardize(y), -_options.ZCap, _options.ZCap) : 0.0;
        _standardizer.Add(y);
        if (!warm)
        {
            return 0;
        }

        var k = _options.Drift;
        _up = _options.Side == AnomalySide.Downward ? 0 : Math.Clamp(_up + z - k, 0, _cap);
        _down = _options.Side == AnomalySide.Upward ? 0 : Math.Clamp(_down - z - k, 0, _cap);
        return InputGuard.Sanitize(Math.Max(_up, _down) / _cap);
    }
}
