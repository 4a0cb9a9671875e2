namespace NetGuard.Evaluation.Detectors;

/// <summary>The upper tail Q(x) = P(Z &gt; x) of the standard normal distribution.</summary>
internal static class NormalTail
{
    private const double InverseSqrtTwoPi = 0.3989422804014327;

    /// <summary>
    /// Hart's (1968) double-precision rational approximation as given by West (2005), "Better
    /// approximations to cumulative normal functions": about 1e-15 absolute error everywhere, relative
    /// error below 1e-8 far in the tail (ample for a score of 1 − 2·Q).
    /// </summary>
    public static double Upper(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }

        var a = Math.Abs(x);
        double tail;
        if (a > 37)
        {
            tail = 0;
        }
        else if (a < 7.07106781186547)
        {
            var numerator = (((((((0.0352624965998911 * a) + 0.700383064443688) * a) + 6.37396220353165) * a
                + 33.912866078383) * a + 112.079291497871) * a + 221.213596169931) * a + 220.206867912376;
            var denominator = ((((((((0.0883883476483184 * a) + 1.75566716318264) * a) + 16.064177579207) * a
                + 86.7807322029461) * a + 296.564248779674) * a + 637.333633378831) * a + 793.826512519948) * a + 440.413735824752;
            tail = Math.Exp(-a * a / 2) * numerator / denominator;
        }
        else
        {
            var fraction = a + (1 / (a + (2 / (a + (3 / (a + (4 / (a + 0.65))))))));
            tail = Math.Exp(-a * a / 2) * InverseSqrtTwoPi / fraction;
        }

        return x >= 0 ? tail : 1 - tail;
    }
}
