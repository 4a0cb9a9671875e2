using NetGuard.Reporting.Recording;
using NetGuard.Reporting.Rendering;

namespace NetGuard.Reporting.Tests;

/// <summary>Long captures: recorded series and drawn lines stay bounded, and a one-second peak survives.</summary>
public class SeriesBoundsTests
{
    [Fact]
    public void BucketSeries_TwelveDaysOfSeconds_StaysInItsBucketsAndKeepsThePeak()
    {
        var series = new BucketSeries(512);
        double total = 0;
        for (long s = 0; s < 512 * 2048; s++)
        {
            var value = s == 777_777 ? 1e6 : s % 10;
            series.Add(1_700_000_000 + s, value);
            total += value;
        }

        var points = series.Points();
        Assert.Equal(512, points.Count);
        Assert.Equal(2048, series.Width);
        Assert.Equal(1e6, points.Max(p => p.Max));
        Assert.Equal(0, points.Min(p => p.Min));
        Assert.Equal(total, points.Sum(p => p.Mean * p.Span), 1e-6 * total);
        Assert.Equal(1_700_000_000, points[0].Start);
    }

    [Fact]
    public void BucketSeries_SecondsWithoutValues_AreGapsOrZeros()
    {
        var series = new BucketSeries(16);
        series.Add(100, 5);
        series.Add(103, 7);

        Assert.Equal([100L, 103L], series.Points().Select(p => p.Start));
        var filled = series.PointsWithZeros(end: 104);
        Assert.Equal([5.0, 0, 0, 7], filled.Select(p => p.Mean));
    }

    [Fact]
    public void BucketSeries_TimeGoingBack_IsNotCharted()
    {
        var series = new BucketSeries(16);
        series.Add(100, 5);
        series.Add(90, 50);
        Assert.Equal(5, Assert.Single(series.Points()).Max);
    }

    [Fact]
    public void MinMax_ManyPoints_AtMostTheLimitWithExtremesAndMeanKept()
    {
        var points = Enumerable.Range(0, 100_000).Select(i => new SeriesPoint(i, 1, i % 7, (i % 7) + (i == 54_321 ? 1000 : 0), i % 7)).ToList();

        var drawn = Downsampler.MinMax(points, 430);

        Assert.InRange(drawn.Count, 400, 430);
        Assert.Equal(points.Max(p => p.Max), drawn.Max(p => p.Max));
        Assert.Equal(0, drawn.Min(p => p.Min));
        Assert.Equal(points.Sum(p => p.Mean), drawn.Sum(p => p.Mean * p.Span), 1.0 * 100_000);
        Assert.All(drawn.Zip(drawn.Skip(1)), pair => Assert.True(pair.Second.Start >= pair.First.End));
    }

    [Fact]
    public void MinMax_FewPoints_Unchanged()
    {
        var points = new[] { new SeriesPoint(0, 1, 1, 2, 1.5), new SeriesPoint(5, 1, 3, 3, 3) };
        Assert.Same(points, Downsampler.MinMax(points, 430));
    }

    [Fact]
    public void WriteHtml_WeekLongCapture_FileStaysSmall()
    {
        var recorder = Samples.Flood();
        var week = 7 * 86_400;
        for (long s = Samples.Epoch + 40; s < Samples.Epoch + week; s += 3)
        {
            recorder.OnSecond(Samples.Second(s, (int)(s % 500), "10.0.0.1"));
            recorder.OnJudged(s, new Core.Statistics.HostSecond { Host = Samples.Ip("10.0.0.5") }, true, Samples.Judged(s % 50));
        }

        var html = Samples.Html(recorder);
        Assert.InRange(html.Length, 10_000, 400_000);
        Assert.DoesNotContain("NaN", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", html, StringComparison.Ordinal);
    }
}
