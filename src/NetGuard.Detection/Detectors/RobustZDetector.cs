using NetGuard.Detection.Numerics;

namespace NetGuard.Detection.Detectors;

/// <summary>
/// Robust z detector: z = (y − median)/(1.4826·MAD) of y = log1p(value) against a sliding window,
/// scored 1 − p with p the standard normal tail of z for the configured side.
/// </summary>
/// <remarks>Cost O(window) per value (sorted window); memory two windows of doubles; warm once the window is full.</remarks>
public sealed class RobustZDetector : IStreamingDetector
{
    private readonly RobustStandardizer _standardizer;
    private readonly RobustZOptions _options;

    /// <summary>A detector with <paramref name="options"/>, or the defaults.</summary>
    public RobustZDetector(RobustZOptions? options = null)
    {
        options ??= new RobustZOptions();
        options.Validate();
        _options = options;
        _standardizer = new RobustStandardizer(options.WindowLength);
    }

    /// <inheritdoc />
    public string Name => "robust-z";

    /// <inheritdoc />
    public bool IsWarm => _standardizer.IsFull;

    /// <summary>z of the last value scored (0 while warming up or for a skipped value).</summary>
    public double LastZ { get; private set; }

    /// <inheritdoc />
    public double Score(double value)
    {
        if (!InputGuard.TryNormalize(value, out var x))
        {
            return 0;
        }

        var y = InputGuard.Transform(x, _options.Transform);
        var warm = _standardizer.IsFull;
        var z = warm ? _standardizer.Standardize(y) : 0.0;
        _standardizer.Add(y);
        LastZ = z;
        if (!warm)
        {
            return 0;
        }

        var p = _options.Side switch
        {
            AnomalySide.Upward => SpecialFunctions.NormalUpperTail(z),
            AnomalySide.Downward => SpecialFunctions.NormalUpperTail(-z),
            _ => SpecialFunctions.Erfc(Math.Abs(z) * 0.70710678118654752440),
        };

        return InputGuard.Sanitize(1.0 - p);
    }
}
