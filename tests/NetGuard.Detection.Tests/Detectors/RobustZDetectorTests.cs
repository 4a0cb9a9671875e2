using NetGuard.Detection.Detectors;

namespace NetGuard.Detection.Tests.Detectors;

public class RobustZDetectorTests
{
    [Theory]
    [InlineData(AnomalySide.TwoSided, 0.9930234813662109)]
    [InlineData(AnomalySide.Upward, 0.9965117406831054)]
    public void Score_WorkedExample_ByHandAndScipy(AnomalySide side, double expected)
    {
        // log1p of {0, 1, 3, 7, 15} = {0, ln 2, ln 4, ln 8, ln 16}: median ln 4, MAD ln 2.
        // 63 → ln 64: z = (ln 64 − ln 4)/(1.4826·ln 2) = 4/1.4826 = 2.697963…; score 1 − p with p from scipy.stats.norm.sf.
        var detector = new RobustZDetector(new RobustZOptions { WindowLength = 5, Side = side });
        foreach (var v in new double[] { 0, 1, 3, 7, 15 })
        {
            Assert.Equal(0.0, detector.Score(v));
        }

        Assert.Equal(expected, detector.Score(63), 13);
        Assert.Equal(4 / 1.4826, detector.LastZ, 13);
    }

    [Fact]
    public void Score_MostlyZeroCounts_FallsBackToMeanDeviationNotDivisionByZero()
    {
        // 95 zeros and 5 ones: MAD = 0, so scale = 1.2533 · mean |y − 0| = 1.2533 · 0.05 · ln 2.
        var detector = new RobustZDetector();
        for (var i = 0; i < 100; i++)
        {
            detector.Score(i % 20 == 0 ? 1 : 0);
        }

        detector.Score(1);
        Assert.Equal(1 / (1.2533 * 0.05), detector.LastZ, 10);
    }

    [Fact]
    public void Score_SpikeInCounts_HighAtSpikeOnly()
    {
        var detector = new RobustZDetector();
        var series = new TestSeries(31).Noise(300, 1000, 30).Select(v => Math.Round(v)).ToArray();
        series[200] = 5000;
        var scores = TestSeries.Run(detector, series);
        Assert.True(scores[200] > 0.9999);
        Assert.True(scores[201..].Max() < 0.999);
    }
}
