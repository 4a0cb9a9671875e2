using NetGuard.Detection.Detectors;

namespace NetGuard.Detection.Tests.Detectors;

public class SsaDetectorTests
{
    private static readonly SsaModelOptions Model = new() { WindowLength = 24, TrainingLength = 96 };

    [Fact]
    public void Fit_PureSinusoid_RankTwoAndLrfMatchesNumpy()
    {
        // Period 12 around level 5: the lag vectors span {1, sin, cos}, so the signal subspace is the
        // constant plus rank 2, and the LRF is basis-independent. Reference α: numpy, QR of the 24×3
        // matrix [1, sin(2πj/12), cos(2πj/12)], α = Q[:23]·π/(1 − ν²) with π = Q[23], ν² = 0.125.
        double[] expected =
        [
            0.1300976575032798, 0.09523809523809511, 0.04761904761904745, 0, -0.03485956226518466, -0.04761904761904756,
            -0.03485956226518451, 0, 0.04761904761904777, 0.09523809523809541, 0.13009765750327998, 0.14285714285714285,
            0.13009765750327978, 0.09523809523809505, 0.047619047619047505, 0, -0.03485956226518463, -0.04761904761904757,
            -0.03485956226518452, 0, 0.04761904761904786, 0.09523809523809534, 0.1300976575032799,
        ];

        var stream = new SsaResidualStream(Model);
        for (var i = 0; i < 96; i++)
        {
            Assert.True(double.IsNaN(stream.Observe(Sine(i), double.PositiveInfinity)));
        }

        Assert.True(stream.IsTrained);
        Assert.Equal(2, stream.Model.Rank);
        Assert.Equal(5.0, stream.Model.Center, 12);
        for (var j = 0; j < expected.Length; j++)
        {
            Assert.Equal(expected[j], stream.Model.Alpha[j], 10);
        }

        // A sinusoid satisfies its LRF exactly: every forecast is right to rounding.
        for (var i = 96; i < 400; i++)
        {
            Assert.True(Math.Abs(stream.Observe(Sine(i), double.PositiveInfinity)) < 1e-9);
        }

        static double Sine(int i) => 5 + (3 * Math.Sin(2 * Math.PI * i / 12));
    }

    [Fact]
    public void Fit_ConstantSeries_LevelOnlyAndExactForecasts()
    {
        var stream = new SsaResidualStream(Model);
        for (var i = 0; i < 300; i++)
        {
            var residual = stream.Observe(1e9, double.PositiveInfinity);
            Assert.True(i < 96 ? double.IsNaN(residual) : residual == 0);
        }

        Assert.Equal(0, stream.Model.Rank);
    }

    [Fact]
    public void SpikeScore_SingleSpikeOnSeasonalSeries_NearOneAtTheSpikeOnly()
    {
        var detector = new SsaSpikeDetector(new SsaSpikeOptions { Model = Model });
        var series = new TestSeries(11).Seasonal(600, 24, 10, 1, 100);
        series[450] += 12;
        var scores = TestSeries.Run(detector, series);
        Assert.True(detector.Rank >= 2);
        Assert.True(scores[450] > 0.9999, $"spike scored {scores[450]}");
        Assert.True(scores[451..].Max() < 0.99, $"after the spike: {scores[451..].Max()}");
    }

    [Fact]
    public void OutlierClip_HugeSpike_DoesNotBendTheForecastsAfterIt()
    {
        // Without clipping a 1000σ spike sits in the next L lag vectors and its projection bends the next
        // forecasts by a sizeable share of it; clipped to 3σ it can move them by little more than noise.
        var series = new TestSeries(14).Seasonal(400, 12, 5, 1, 50);
        series[300] += 1000;
        Assert.True(LargestResidualAfterSpike(0) > 20);
        Assert.True(LargestResidualAfterSpike(3) < 6);

        double LargestResidualAfterSpike(double clip)
        {
            var options = Model with { OutlierClip = clip };
            var stream = new SsaResidualStream(options);
            var sigma = 1.0;
            double largest = 0;
            for (var i = 0; i < series.Length; i++)
            {
                var residual = stream.Observe(series[i], options.ClipBound(sigma));
                if (i > 300 && i <= 300 + 24)
                {
                    largest = Math.Max(largest, Math.Abs(residual));
                }
            }

            return largest;
        }
    }

    [Fact]
    public void SpikeScore_OffsetInvariant()
    {
        var series = new TestSeries(12).Seasonal(500, 24, 10, 1);
        var a = TestSeries.Run(new SsaSpikeDetector(new SsaSpikeOptions { Model = Model }), series);
        var b = TestSeries.Run(new SsaSpikeDetector(new SsaSpikeOptions { Model = Model }), series.Select(v => v + 1e6));
        for (var i = 0; i < a.Length; i++)
        {
            Assert.Equal(a[i], b[i], 6);
        }
    }

    [Fact]
    public void ChangePointScore_LevelStep_RisesWithinFifteenPointsAndNotBefore()
    {
        var detector = new SsaChangePointDetector(new SsaChangePointOptions { Model = Model });
        var series = new TestSeries(13).Seasonal(700, 24, 10, 1, 100);
        for (var i = 500; i < series.Length; i++)
        {
            series[i] += 8;
        }

        var scores = TestSeries.Run(detector, series);
        Assert.True(scores[..500].Max() < 0.99, $"before the step: {scores[..500].Max()}");
        var first = Array.FindIndex(scores, 500, s => s >= 0.99) - 500;
        Assert.InRange(first, 0, 15);
    }
}
