using NetGuard.Detection.Detectors;

namespace NetGuard.Detection.Tests.Detectors;

public class RankSpikeDetectorTests
{
    [Theory]
    [InlineData(5.0, 0.0)]
    // Above all nine: upper = 1/10 · exp(−(10 − 9)/7), 7 = q90 − q10 = sorted[7] − sorted[0] = 8 − 1;
    // two-sided p = 2·upper = 0.17337557995003632 (exp(−1/7) = 0.8668778997501816).
    [InlineData(10.0, 1 - 0.17337557995003632)]
    // Ties count on both sides: #≥9 = 1, #≤9 = 9 → upper 2/10, lower 1 → p = 0.4.
    [InlineData(9.0, 0.6)]
    // Below the minimum: lower = 1/10 · exp(−(1 − (−6))/7) = 0.1·e^(−1) → p = 0.2·e^(−1) = 0.07357588823428847.
    [InlineData(-6.0, 1 - 0.07357588823428847)]
    public void Score_WorkedExample_IsOneMinusRankPValue(double value, double expected)
    {
        var detector = new RankSpikeDetector(new RankSpikeOptions { HistoryLength = 9, MinHistory = 9 });
        foreach (var v in new double[] { 3, 9, 1, 7, 5, 2, 8, 4, 6 })
        {
            Assert.Equal(0.0, detector.Score(v));
        }

        Assert.True(detector.IsWarm);
        Assert.Equal(expected, detector.Score(value), 14);
    }

    [Fact]
    public void Score_SpikeAsLargeAsOneInTheHistory_IsNoLongerExtreme()
    {
        // A first spike of +10σ is beyond everything seen: p = 2/(n+1)·exp(−excess/spread) with n = 500, the excess
        // about 7σ and the spread (q90 − q10) about 2.6σ: about 3e-4. The same spike again, with the first still in
        // the history, only ties the largest value: p = 2·2/(n+1) = 4/1201.
        var detector = new RankSpikeDetector(new RankSpikeOptions { HistoryLength = 2000 });
        var noise = new TestSeries(3).Noise(1500, 100, 1);
        for (var i = 0; i < noise.Length; i++)
        {
            var score = detector.Score(i is 500 or 1200 ? 110 : noise[i]);
            if (i == 500)
            {
                Assert.True(score > 0.9995, $"first spike {score}");
            }
            else if (i == 1200)
            {
                Assert.Equal(1 - (4.0 / 1201), score, 12);
            }
        }
    }

    [Fact]
    public void Score_AffineChangeOfUnits_SameScores()
    {
        // Ranks and the extrapolation (excess over the inter-decile range) do not depend on the units.
        var series = new TestSeries(5).Seasonal(1500, 50, 3, 1);
        series[900] += 30;
        var a = TestSeries.Run(new RankSpikeDetector(new RankSpikeOptions { HistoryLength = 400 }), series);
        var b = TestSeries.Run(new RankSpikeDetector(new RankSpikeOptions { HistoryLength = 400 }), series.Select(v => 1e6 + (250 * v)));
        for (var i = 0; i < a.Length; i++)
        {
            Assert.Equal(a[i], b[i], 9);
        }
    }
}
