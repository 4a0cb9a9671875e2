using NetGuard.Evaluation.Detectors;

namespace NetGuard.Evaluation.Tests.Detectors;

public class WindowedGaussianDetectorTests
{
    [Fact]
    public void Score_BeforeMinHistory_IsZeroAndNotWarm()
    {
        var detector = new WindowedGaussianDetector(window: 100, minHistory: 10);
        for (var i = 0; i < 10; i++)
        {
            Assert.False(detector.IsWarm);
            Assert.Equal(0.0, detector.Score(i % 2 == 0 ? 1000 : -1000));
        }

        Assert.True(detector.IsWarm);
    }

    [Fact]
    public void Score_ConstantSeries_ScoresZeroThenOneOnAnyChange()
    {
        var detector = new WindowedGaussianDetector(window: 50, minHistory: 10);
        for (var i = 0; i < 200; i++)
        {
            Assert.Equal(0.0, detector.Score(7));
        }

        Assert.Equal(1.0, detector.Score(7.5));
    }

    [Fact]
    public void Score_SpikeAfterNoise_NearOneAndOrdinaryValuesLower()
    {
        var random = new Random(7);
        var detector = new WindowedGaussianDetector();
        for (var i = 0; i < 1000; i++)
        {
            detector.Score(100 + Gaussian(random));
        }

        Assert.True(detector.Score(100) < 0.1);
        Assert.True(detector.Score(100 + 2) is > 0.9 and < 0.99);
        Assert.True(detector.Score(100 + 10) > 0.999999);
    }

    [Fact]
    public void Score_NonFiniteInput_ScoresZeroAndLeavesHistoryUntouched()
    {
        var a = new WindowedGaussianDetector(window: 20, minHistory: 5);
        var b = new WindowedGaussianDetector(window: 20, minHistory: 5);
        var random = new Random(3);
        for (var i = 0; i < 100; i++)
        {
            var v = Gaussian(random);
            Assert.Equal(0.0, a.Score(double.NaN));
            Assert.Equal(0.0, a.Score(double.PositiveInfinity));
            Assert.Equal(b.Score(v), a.Score(v));
        }
    }

    [Fact]
    public void Score_LongSeriesWithLargeOffset_MatchesExactWindowStatistics()
    {
        // Sliding sums drift; the periodic recompute must keep the z-score exact on a long, offset series.
        const int Window = 64;
        const double Offset = 1e9;
        var random = new Random(11);
        var detector = new WindowedGaussianDetector(window: Window, minHistory: Window);
        var history = new Queue<double>();
        for (var i = 0; i < 300_000; i++)
        {
            var v = Offset + (Gaussian(random) * (i % 1000 < 500 ? 1 : 1000));
            var score = detector.Score(v);
            Assert.InRange(score, 0, 1);
            if (history.Count == Window && i % 997 == 0)
            {
                // The reference removes the offset first (exactly, as x and 1e9 are within a factor of 2),
                // so that it is itself accurate.
                var mean = history.Average(x => x - Offset);
                var sd = Math.Sqrt(history.Sum(x => (x - Offset - mean) * (x - Offset - mean)) / (Window - 1));
                var expected = 1 - (2 * NormalTail.Upper(Math.Abs(v - Offset - mean) / sd));
                Assert.Equal(expected, score, 1e-9);
            }

            history.Enqueue(v);
            if (history.Count > Window)
            {
                history.Dequeue();
            }
        }
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
