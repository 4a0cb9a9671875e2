using NetGuard.Detection.Detectors;

namespace NetGuard.Detection.Tests.Detectors;

public class CusumDetectorTests
{
    [Fact]
    public void Score_WorkedExample_ByHand()
    {
        // Window 5, k = 0.5, h = 5 (score = S/10), z capped at 4.
        var detector = new CusumDetector(new CusumOptions { WindowLength = 5, Drift = 0.5, Threshold = 5 });
        foreach (var v in new double[] { 1, 2, 3, 4, 5 })
        {
            Assert.Equal(0.0, detector.Score(v));
        }

        // {1..5}: median 3, MAD 1 → z = 7/1.4826 = 4.72 → capped 4 → S⁺ = 3.5.
        Assert.Equal(0.35, detector.Score(10), 14);
        // {2, 3, 4, 5, 10}: median 4, |d| = {2, 1, 0, 1, 6} → MAD 1 → z = 6/1.4826 = 4.05 → 4 → S⁺ = 7.
        Assert.Equal(0.7, detector.Score(10), 14);
        // {3, 4, 5, 10, 10}: median 5, |d| = {2, 1, 0, 5, 5} → MAD 2 → z = 5/2.9652 → S⁺ = 7 + z − 0.5.
        Assert.Equal((7 + (5 / 2.9652) - 0.5) / 10, detector.Score(10), 14);
        Assert.Equal(0.0, detector.LowerSum);
    }

    [Fact]
    public void Score_StepChange_CrossesTheDecisionIntervalWithinThreePointsAndDecaysAfterwards()
    {
        var detector = new CusumDetector();
        var series = new TestSeries(21).Noise(800, 20, 1);
        for (var i = 400; i < 800; i++)
        {
            series[i] += 5;
        }

        var scores = TestSeries.Run(detector, series);
        Assert.True(scores[..400].Max() < 0.5, $"before the step: {scores[..400].Max()}");
        // z ≈ 5 is capped at 4: S⁺ grows by 4 − k = 3 a value and passes h = 8 at the third.
        Assert.Equal(2, Array.FindIndex(scores, 400, s => s >= 0.5) - 400);
        Assert.InRange(Array.FindIndex(scores, 400, s => s >= 1.0) - 400, 4, 6);
        Assert.True(scores[700..].Max() < 0.5, "the window absorbed the new level");
    }

    [Fact]
    public void Score_SingleOutlier_StaysBelowTheDecisionInterval()
    {
        var detector = new CusumDetector();
        var series = new TestSeries(22).Noise(400, 20, 1);
        series[300] = 1e6;
        var scores = TestSeries.Run(detector, series);
        Assert.True(scores.Max() < 0.5);
    }

    [Fact]
    public void Score_UpwardOnly_IgnoresDecrease()
    {
        var detector = new CusumDetector(new CusumOptions { Side = AnomalySide.Upward });
        var series = new TestSeries(23).Noise(400, 20, 1);
        for (var i = 200; i < 400; i++)
        {
            series[i] -= 10;
        }

        Assert.True(TestSeries.Run(detector, series).Max() < 0.5);
    }
}
