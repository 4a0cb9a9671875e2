using NetGuard.Detection.Numerics;
using NetGuard.Detection.Tests.Detectors;

namespace NetGuard.Detection.Tests.Numerics;

public class SlidingMomentsTests
{
    [Fact]
    public void Add_SmallWindow_MatchesHandComputation()
    {
        // Window 3 over 1, 2, 4, 8: last window {2, 4, 8}, mean 14/3, population variance
        // ((2 − 14/3)² + (4 − 14/3)² + (8 − 14/3)²)/3 = (64/9 + 4/9 + 100/9)/3 = 56/9.
        var moments = new SlidingMoments(3);
        foreach (var v in new double[] { 1, 2, 4, 8 })
        {
            moments.Add(v);
        }

        Assert.Equal(14.0 / 3, moments.Mean, 14);
        Assert.Equal(56.0 / 9, moments.PopulationVariance, 13);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public void Add_MillionValuesAtOffset1e9_StaysCloseToExact(int recomputeEvery)
    {
        // 1M values of 1e9 + N(0, 1), with bursts of N(0, 1000) to stress add/remove asymmetry; the
        // reference is the exact two-pass variance of the offset-free window (the offset 1e9 is subtracted
        // exactly from each value first). With recomputation off this measures Welford's raw drift.
        const int Window = 100;
        const double Offset = 1e9;
        var series = new TestSeries(42);
        var moments = new SlidingMoments(Window, recomputeEvery);
        var window = new Queue<double>();
        double worstVariance = 0, worstMean = 0;
        for (var i = 0; i < 1_000_000; i++)
        {
            var noise = series.Gaussian() * (i % 10_000 < 100 ? 1000 : 1);
            moments.Add(Offset + noise);
            window.Enqueue(Offset + noise);
            if (window.Count > Window)
            {
                window.Dequeue();
            }

            if (i % 9973 == 0 && window.Count == Window)
            {
                var mean = window.Average(x => x - Offset);
                var variance = window.Average(x => (x - Offset - mean) * (x - Offset - mean));
                worstVariance = Math.Max(worstVariance, Math.Abs(moments.PopulationVariance - variance) / variance);
                worstMean = Math.Max(worstMean, Math.Abs(moments.Mean - Offset - mean));
            }
        }

        // ulp(1e9) = 1.2e-7: the mean can be no better than that; between recomputations its error is a
        // random walk of such roundings, without them one over the whole series.
        Assert.True(double.IsFinite(moments.PopulationVariance));
        // Welford alone, with 1000σ bursts entering and leaving, drifts to about 1e-3 relative (measured
        // 6e-4) but never goes negative or NaN; the recomputation every window keeps it at rounding level.
        Assert.True(worstVariance < (recomputeEvery > 0 ? 1e-6 : 1e-2), $"relative variance error {worstVariance:E2}");
        Assert.True(worstMean < (recomputeEvery > 0 ? 2e-6 : 1e-4), $"mean error {worstMean:E2}");
    }

    [Fact]
    public void Add_ConstantAfterLargeValues_VarianceNeverNegative()
    {
        var moments = new SlidingMoments(10, 0);
        for (var i = 0; i < 10_000; i++)
        {
            moments.Add(i < 50 ? 1e100 * (i % 2 == 0 ? 1 : -1) : 3.0);
            Assert.True(moments.PopulationVariance >= 0);
        }

        moments.Recompute();
        Assert.Equal(0.0, moments.PopulationVariance);
        Assert.Equal(3.0, moments.Mean);
    }
}
