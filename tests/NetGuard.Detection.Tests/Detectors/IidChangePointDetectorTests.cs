using NetGuard.Detection.Detectors;

namespace NetGuard.Detection.Tests.Detectors;

public class IidChangePointDetectorTests
{
    [Fact]
    public void Score_WorkedExample_MatchesMartingaleOfKernelPValues()
    {
        // History 5, window 2: after {1, 2, 3, 4, 10} the p-values of 6 and then (history {2, 3, 4, 10, 6}) of 0
        // are kernel p-values; log M is the sum of their two power log-bets.
        var options = new IidChangePointOptions { HistoryLength = 5, Martingale = new MartingaleOptions { Window = 2 } };
        var detector = new IidChangePointDetector(options);
        foreach (var v in new double[] { 1, 2, 3, 4, 10 })
        {
            Assert.Equal(0.0, detector.Score(v));
        }

        Assert.Equal(0.0, detector.Score(6));
        Assert.False(detector.IsWarm);
        detector.Score(0);
        Assert.True(detector.IsWarm);

        var kde = new KernelPValue(5);
        foreach (var v in new double[] { 1, 2, 3, 4, 10 })
        {
            kde.Add(v);
        }

        var p1 = kde.PValue(6, AnomalySide.TwoSided);
        kde.Add(6);
        var p2 = kde.PValue(0, AnomalySide.TwoSided);
        var expected = (2 * Math.Log(0.1)) - (0.9 * Math.Log(p1)) - (0.9 * Math.Log(p2));
        Assert.Equal(expected, detector.LogMartingale, 12);
    }

    [Fact]
    public void Score_StepChange_RisesAboveNinetyNineWithinTenPoints()
    {
        var detector = new IidChangePointDetector();
        var noise = new TestSeries(3).Noise(600);
        for (var i = 0; i < 400; i++)
        {
            Assert.True(detector.Score(noise[i]) < 0.99, $"false alarm at {i}");
        }

        var firstHigh = -1;
        for (var i = 400; i < 600 && firstHigh < 0; i++)
        {
            if (detector.Score(noise[i] + 8) >= 0.99)
            {
                firstHigh = i - 400;
            }
        }

        Assert.InRange(firstHigh, 0, 10);
    }

    [Fact]
    public void Score_SingleSpike_IsNotAChange()
    {
        // One tiny p-value (log-bet ≤ 14.3) cannot outweigh the window's negative drift (about −1.4 per value).
        var detector = new IidChangePointDetector();
        var noise = new TestSeries(5).Noise(400);
        for (var i = 0; i < 400; i++)
        {
            var score = detector.Score(i == 300 ? 50 : noise[i]);
            Assert.True(score < 0.5, $"score {score} at {i}");
        }
    }

    [Fact]
    public void Score_LogScaledMapping_OrdersLikeMarkovBound()
    {
        var markov = new IidChangePointDetector();
        var logScaled = new IidChangePointDetector(new IidChangePointOptions
        {
            Martingale = new MartingaleOptions { ScoreMapping = MartingaleScoreMapping.LogScaled },
        });
        var series = new TestSeries(9).Noise(500);
        for (var i = 300; i < 500; i++)
        {
            series[i] += 4;
        }

        var a = TestSeries.Run(markov, series);
        var b = TestSeries.Run(logScaled, series);
        for (var i = 1; i < a.Length; i++)
        {
            if (a[i] is > 0 and < 1 && a[i - 1] is > 0 and < 1 && b[i] < 1 && b[i - 1] < 1)
            {
                Assert.Equal(Math.Sign(a[i] - a[i - 1]), Math.Sign(b[i] - b[i - 1]));
            }
        }

        Assert.True(a.Max() > 0.99);
        Assert.True(b.Max() is > 0 and < 1);
    }
}
