namespace NetGuard.Detection.Tests.Detectors;

/// <summary>
/// Deterministic test series: SplitMix64 and Box–Muller written out here, so the values do not depend
/// on System.Random's implementation.
/// </summary>
internal sealed class TestSeries(ulong seed)
{
    private ulong _state = seed;

    public double Uniform()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return ((z >> 11) + 0.5) / (1UL << 53);
    }

    public double Gaussian() => Math.Sqrt(-2.0 * Math.Log(Uniform())) * Math.Cos(2.0 * Math.PI * Uniform());

    public double[] Noise(int length, double mean = 0, double sd = 1)
    {
        var values = new double[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = mean + (sd * Gaussian());
        }

        return values;
    }

    /// <summary>A daily-like cycle of period <paramref name="period"/> plus Gaussian noise.</summary>
    public double[] Seasonal(int length, int period, double amplitude, double noise, double level = 0)
    {
        var values = new double[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = level + (amplitude * Math.Sin(2 * Math.PI * i / period)) + (noise * Gaussian());
        }

        return values;
    }

    public static double[] Run(Detection.Detectors.IStreamingDetector detector, IEnumerable<double> values) =>
        [.. values.Select(detector.Score)];
}
