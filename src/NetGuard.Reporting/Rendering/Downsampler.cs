namespace NetGuard.Reporting.Rendering;

/// <summary>
/// Merges a series into at most a given number of points by time: each window keeps the smallest and
/// largest value and the time-weighted mean, so a one-second flood still shows in a week-long chart.
/// Windows depend only on the series' first and last time, so series recorded in step stay aligned.
/// </summary>
internal static class Downsampler
{
    public static IReadOnlyList<SeriesPoint> MinMax(IReadOnlyList<SeriesPoint> points, int maxPoints)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 1);
        if (points.Count <= maxPoints)
        {
            return points;
        }

        var first = points[0].Start;
        var span = points[^1].End - first;
        var window = Math.Max(1, (span + maxPoints - 1) / maxPoints);
        var merged = new List<SeriesPoint>(maxPoints);
        var i = 0;
        while (i < points.Count)
        {
            var index = (points[i].Start - first) / window;
            var start = first + (index * window);
            double min = double.MaxValue, max = double.MinValue, weighted = 0;
            long covered = 0;
            for (; i < points.Count && (points[i].Start - first) / window == index; i++)
            {
                var p = points[i];
                min = Math.Min(min, p.Min);
                max = Math.Max(max, p.Max);
                weighted += p.Mean * p.Span;
                covered += p.Span;
            }

            merged.Add(new SeriesPoint(start, window, min, max, weighted / covered));
        }

        return merged;
    }
}
