using NetGuard.Detection.Detectors;

namespace NetGuard.Detection.Tests.Detectors;

public class IidSpikeDetectorTests
{
    [Theory]
    [InlineData(AnomalySide.TwoSided, 1 - 0.5967434532040216)]
    [InlineData(AnomalySide.Upward, 1 - 0.2983717266020108)]
    [InlineData(AnomalySide.Downward, 1 - 0.7016282733979893)]
    public void Score_WorkedExample_IsOneMinusKernelPValue(AnomalySide side, double expected)
    {
        // Same history as KernelPValueTests: {1, 2, 3, 4, 10}, then 6 (scipy reference values).
        var detector = new IidSpikeDetector(new IidSpikeOptions { HistoryLength = 5, Side = side });
        foreach (var v in new double[] { 1, 2, 3, 4, 10 })
        {
            Assert.Equal(0.0, detector.Score(v));
        }

        Assert.True(detector.IsWarm);
        Assert.Equal(expected, detector.Score(6), 14);
    }

    [Fact]
    public void Score_SingleSpike_NearOneAtTheSpikeOnly()
    {
        var detector = new IidSpikeDetector();
        var noise = new TestSeries(1).Noise(400, 50, 2);
        foreach (var v in noise[..300])
        {
            detector.Score(v);
        }

        Assert.True(detector.Score(80) > 0.9999);
        foreach (var v in noise[300..])
        {
            Assert.True(detector.Score(v) < 0.99);
        }
    }

    [Fact]
    public void Score_MillionValuesAtOffset1e9_SameScoresAsWithoutOffsetAndStable()
    {
        // The ML.NET failure mode: a running spread statistic drifting over a long series with a large
        // offset. Scores must not depend on the offset (the kernel p-value is shift-invariant), so the
        // offset run is compared point by point with the offset-free run; and they must not drift: the
        // share of values scoring above 0.99 is the same in every tenth of the series. (It is below 1%:
        // with the bandwidth at one σ the kernel density is about N(0, 2σ²), so the p-values are conservative.)
        const int Length = 1_000_000;
        var options = new IidSpikeOptions { HistoryLength = 40 };
        var withOffset = new IidSpikeDetector(options);
        var without = new IidSpikeDetector(options);
        var series = new TestSeries(7);
        double worst = 0;
        var high = new int[10];
        for (var i = 0; i < Length; i++)
        {
            var noise = series.Gaussian();
            var a = withOffset.Score(1e9 + noise);
            var b = without.Score(noise);
            Assert.True(a is >= 0 and <= 1);
            worst = Math.Max(worst, Math.Abs(a - b));
            if (a > 0.99)
            {
                high[i / (Length / 10)]++;
            }
        }

        // 1e9 + x carries x to about 1e-7 absolute: scores agree to far better than any threshold step.
        Assert.True(worst < 1e-5, $"largest score difference {worst:E2}");
        var average = high.Average();
        Assert.True(average > 50, $"{average} per tenth");
        foreach (var count in high)
        {
            Assert.InRange(count, 0.6 * average, 1.4 * average);
        }
    }
}
