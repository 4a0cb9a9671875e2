using NetGuard.Detection.Numerics;

namespace NetGuard.Detection.Detectors;

/// <summary>
/// The p-value of a new value under a Gaussian kernel density estimate of a sliding history,
/// as in ML.NET's sequential anomaly detectors (<c>ComputeKernelPValue</c>).
/// </summary>
/// <remarks>
/// With history x₁..xₙ and bandwidth h, the upper tail is P(X ≥ x) = (1/n)·Σ Q((x − xᵢ)/h), Q the standard
/// normal upper tail. ML.NET's bandwidth is √2·√(Σᵢ&lt;ⱼ (xᵢ − xⱼ)²)/n inside erf, which is h = the population
/// standard deviation of the history here; the spread is kept by <see cref="SlidingMoments"/> instead of a
/// running pairwise sum. Both tails are summed separately so that neither is computed as 1 − (something
/// close to 1). Cost O(n) per value.
/// </remarks>
internal sealed class KernelPValue
{
    /// <summary>The smallest p-value reported: ML.NET's MinPValue, so a martingale bet stays finite.</summary>
    public const double MinPValue = 1e-8;

    // Bandwidth floor: absolute for all-equal histories, relative so that a large offset's rounding is not read as spread.
    private const double MinBandwidth = 1e-6;
    private const double RelativeMinBandwidth = 1e-12;

    private readonly SlidingMoments _history;

    public KernelPValue(int historyLength) => _history = new SlidingMoments(historyLength);

    public int Count => _history.Count;

    public double Bandwidth
    {
        get
        {
            var n = _history.Count;
            if (n <= 1)
            {
                // ML.NET's choice for a single point: unit bandwidth.
                return 1.0;
            }

            var sd = Math.Sqrt(_history.PopulationVariance);
            return Math.Max(sd, Math.Max(MinBandwidth, RelativeMinBandwidth * Math.Abs(_history.Mean)));
        }
    }

    /// <summary>The p-value of <paramref name="value"/> against the history (not yet including it), in [<paramref name="floor"/>, 1].</summary>
    public double PValue(double value, AnomalySide side, double floor = MinPValue)
    {
        Tails(value, out var upper, out var lower);
        var p = side switch
        {
            AnomalySide.Upward => upper,
            AnomalySide.Downward => lower,
            _ => 2.0 * Math.Min(upper, lower),
        };

        return double.IsNaN(p) ? 1.0 : Math.Clamp(p, floor, 1.0);
    }

    /// <summary>P(X ≥ value) and P(X ≤ value) under the kernel density of the history.</summary>
    public void Tails(double value, out double upper, out double lower)
    {
        var n = _history.Count;
        if (n == 0)
        {
            upper = lower = 0.5;
            return;
        }

        var inverseH = 1.0 / Bandwidth;
        _history.Window.GetSegments(out var first, out var second);
        double up = 0, down = 0;
        Accumulate(first, value, inverseH, ref up, ref down);
        Accumulate(second, value, inverseH, ref up, ref down);
        upper = up / n;
        lower = down / n;
    }

    public void Add(double value) => _history.Add(value);

    private static void Accumulate(ReadOnlySpan<double> xs, double value, double inverseH, ref double up, ref double down)
    {
        foreach (var x in xs)
        {
            var z = (value - x) * inverseH;
            var q = SpecialFunctions.NormalUpperTail(Math.Abs(z));
            if (z >= 0)
            {
                up += q;
                down += 1.0 - q;
            }
            else
            {
                up += 1.0 - q;
                down += q;
            }
        }
    }
}
