using System.Globalization;

namespace NetGuard.Reporting.Rendering;

/// <summary>
/// Maps packet time (Unix seconds) to x between <see cref="Left"/> and <see cref="Right"/>. Every
/// chart of a report shares one, so a moment is at the same x everywhere. Ticks fall on round UTC times.
/// </summary>
internal sealed class TimeAxis
{
    private static readonly long[] Steps =
    [
        1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200,
        86400, 172_800, 604_800, 1_209_600, 2_592_000, 7_776_000, 31_536_000,
    ];

    public TimeAxis(long start, long end, double left, double right)
    {
        Start = start;
        End = Math.Max(end, start + 1);
        Left = left;
        Right = right;
    }

    /// <summary>First second shown (left edge).</summary>
    public long Start { get; }

    /// <summary>The second at the right edge (exclusive end of the capture).</summary>
    public long End { get; }

    public double Left { get; }

    public double Right { get; }

    public double X(double second) => Left + ((second - Start) * (Right - Left) / (End - Start));

    /// <summary>At most <paramref name="maxTicks"/> ticks on round times, with labels as precise as their step needs.</summary>
    public IReadOnlyList<(long Second, string Label)> Ticks(int maxTicks = 8)
    {
        var span = End - Start;
        var step = Steps.FirstOrDefault(s => span / s <= maxTicks);
        if (step == 0)
        {
            step = (long)Math.Ceiling(span / (double)maxTicks / 31_536_000) * 31_536_000;
        }

        var format = step < 60 ? "HH:mm:ss" : step < 86400 ? "HH:mm" : "MM-dd";
        var first = (Start + step - 1) / step * step;
        var ticks = new List<(long, string)>();
        for (var t = first; t <= End; t += step)
        {
            ticks.Add((t, DateTimeOffset.FromUnixTimeSeconds(t).ToString(format, CultureInfo.InvariantCulture)));
        }

        return ticks;
    }

    /// <summary>The axis title: the UTC date (or dates) the axis spans.</summary>
    public string Title()
    {
        var from = DateTimeOffset.FromUnixTimeSeconds(Start).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var to = DateTimeOffset.FromUnixTimeSeconds(End - 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return from == to ? $"time (UTC, {from})" : $"time (UTC, {from} to {to})";
    }
}
