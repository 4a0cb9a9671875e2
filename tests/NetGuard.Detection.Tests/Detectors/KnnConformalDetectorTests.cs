using NetGuard.Detection.Detectors;

namespace NetGuard.Detection.Tests.Detectors;

public class KnnConformalDetectorTests
{
    private const int Period = 20;

    [Fact]
    public void Score_UnseenShapeWithinTheUsualRange_ScoresHighWhereRankDoesNot()
    {
        // A sine of period 20 with one cycle damped to 30%: every value is an ordinary value, only the shape is new.
        var series = Sine(1600, 11);
        for (var i = 1000; i < 1000 + Period; i++)
        {
            series[i] *= 0.3;
        }

        var knn = TestSeries.Run(new KnnConformalDetector(), series);
        var rank = TestSeries.Run(new RankSpikeDetector(), series);

        // The damped cycle's lag vectors are farther from their neighbours than any of the last 600: p = 1/601.
        Assert.Equal(1 - (1.0 / 601), knn[1000..1030].Max(), 12);
        Assert.True(rank[1000..1030].Max() < 0.99, $"rank {rank[1000..1030].Max()}");
        Assert.True(knn[700..1000].Count(s => s >= 0.99) <= 10, "knn alarms on the clean sine");
    }

    [Fact]
    public void Score_LevelShiftOfAFamiliarShape_OnDifferencesOnlyTheStepIsNew()
    {
        var series = Sine(1500, 12);
        for (var i = 1000; i < series.Length; i++)
        {
            series[i] += 5;
        }

        // On first differences only the 19 lag vectors holding the step are new; once it has left the vector
        // the familiar shape is familiar again, whatever its level.
        var differenced = TestSeries.Run(new KnnConformalDetector(new KnnConformalOptions { Differencing = true }), series);
        Assert.True(differenced[1000..1019].Max() >= 0.99);
        Assert.True(differenced[1040..1200].Count(s => s >= 0.99) <= 5);
    }

    [Fact]
    public void SelectSmallest_RandomValuesWithTies_FrontHoldsTheKSmallest()
    {
        var series = new TestSeries(13);
        foreach (var length in new[] { 1, 2, 3, 10, 101 })
        {
            for (var trial = 0; trial < 20; trial++)
            {
                var values = series.Noise(length).Select(v => Math.Round(v * 2)).ToArray();
                var sorted = values.Order().ToArray();
                var k = 1 + (trial % length);
                KnnConformalDetector.SelectSmallest(values, k);
                Assert.Equal(sorted[..k], values[..k].Order().ToArray());
            }
        }
    }

    [Fact]
    public void Constructor_TrainingShorterThanNeighbours_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new KnnConformalDetector(new KnnConformalOptions { Neighbours = 5, TrainingLength = 4 }));

    private static double[] Sine(int length, ulong seed)
    {
        var noise = new TestSeries(seed);
        return [.. Enumerable.Range(0, length).Select(i => Math.Sin(2 * Math.PI * i / Period) + (0.05 * noise.Gaussian()))];
    }
}
