using NetGuard.Detection.Numerics;
using NetGuard.Detection.Tests.Detectors;

namespace NetGuard.Detection.Tests.Numerics;

public class SortedWindowTests
{
    [Fact]
    public void MedianAndMad_HandExample()
    {
        // {1, 2, 3, 4, 100}: median 3; |x − 3| = {2, 1, 0, 1, 97} → MAD 1; mean AD 101/5.
        var window = new SortedWindow(5);
        foreach (var v in new double[] { 100, 1, 4, 2, 3 })
        {
            window.Add(v);
        }

        Assert.Equal(3, window.Median());
        Assert.Equal(1, window.MedianAbsoluteDeviation(3));
        Assert.Equal(101.0 / 5, window.MeanAbsoluteDeviation(3), 14);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(50)]
    public void MedianAndMad_SlidingOverRandomData_MatchBruteForce(int capacity)
    {
        var series = new TestSeries((ulong)capacity);
        var window = new SortedWindow(capacity);
        var reference = new Queue<double>();
        for (var i = 0; i < 2000; i++)
        {
            // Rounded values make ties and repeated evictions of equal values common.
            var v = Math.Round(series.Gaussian() * 3);
            window.Add(v);
            reference.Enqueue(v);
            if (reference.Count > capacity)
            {
                reference.Dequeue();
            }

            var median = Median([.. reference]);
            Assert.Equal(median, window.Median());
            Assert.Equal(Median([.. reference.Select(x => Math.Abs(x - median))]), window.MedianAbsoluteDeviation(median));
        }
    }

    [Fact]
    public void CountsAndOrderStatistics_SlidingWithTies_MatchBruteForce()
    {
        var series = new TestSeries(77);
        var window = new SortedWindow(40);
        var reference = new Queue<double>();
        for (var i = 0; i < 1000; i++)
        {
            var v = Math.Round(series.Gaussian() * 2);
            window.Add(v);
            reference.Enqueue(v);
            if (reference.Count > 40)
            {
                reference.Dequeue();
            }

            var sorted = reference.Order().ToArray();
            foreach (var probe in new[] { v, v + 0.5, -10.0, 10.0, 0.0 })
            {
                Assert.Equal(sorted.Count(x => x < probe), window.CountBelow(probe));
                Assert.Equal(sorted.Count(x => x > probe), window.CountAbove(probe));
            }

            Assert.Equal(sorted[0], window.OrderStatistic(0));
            Assert.Equal(sorted[^1], window.OrderStatistic(sorted.Length - 1));
            Assert.Equal(sorted[sorted.Length / 3], window.OrderStatistic(sorted.Length / 3));
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => window.OrderStatistic(40));
    }

    private static double Median(double[] values)
    {
        Array.Sort(values);
        var n = values.Length;
        return n % 2 == 1 ? values[n / 2] : 0.5 * (values[(n / 2) - 1] + values[n / 2]);
    }
}
