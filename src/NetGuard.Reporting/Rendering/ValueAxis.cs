namespace NetGuard.Reporting.Rendering;

/// <summary>Maps a value to y between the plot's bottom and top, with labelled ticks.</summary>
internal abstract class ValueAxis(double bottom, double top)
{
    public double Bottom { get; } = bottom;

    public double Top { get; } = top;

    public abstract double Y(double value);

    public abstract IReadOnlyList<(double Value, string Label)> Ticks { get; }

    /// <summary>A round step of about <paramref name="rough"/>: 1, 2 or 5 times a power of ten.</summary>
    public static double NiceStep(double rough)
    {
        if (!(rough > 0) || double.IsInfinity(rough))
        {
            return 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var fraction = rough / power;
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
    }
}

/// <summary>From 0 to a round value at or above the largest, in 1-2-5 steps (rates are never negative).</summary>
internal sealed class LinearAxis : ValueAxis
{
    private readonly double _max;

    public LinearAxis(double largest, double bottom, double top, Func<double, string> label, int targetTicks = 5)
        : base(bottom, top)
    {
        // An all-zero series still gets a readable 0 to 1 axis.
        var reach = largest > 0 && !double.IsInfinity(largest) ? largest : 1;
        var step = NiceStep(reach / targetTicks);
        _max = Math.Max(step, Math.Ceiling(reach / step) * step);
        var ticks = new List<(double, string)>();
        for (var i = 0; i * step <= _max * (1 + 1e-9); i++)
        {
            ticks.Add((i * step, label(i * step)));
        }

        Ticks = ticks;
    }

    public override IReadOnlyList<(double Value, string Label)> Ticks { get; }

    public override double Y(double value) => Bottom - (Math.Clamp(value, 0, _max) / _max * (Bottom - Top));
}

/// <summary>
/// log(1 + v): scores run from 0 to thousands of σ in a flood, and the thresholds near 3 to 8 must stay
/// readable beside them. Ticks at 0, 1, 3, 10, 30, 100, ...
/// </summary>
internal sealed class Log1pAxis : ValueAxis
{
    private readonly double _max;

    public Log1pAxis(double largest, double bottom, double top)
        : base(bottom, top)
    {
        var ticks = new List<(double, string)> { (0, "0") };
        var tick = 1.0;
        while (true)
        {
            ticks.Add((tick, Units.Si(tick)));
            if (tick >= largest)
            {
                break;
            }

            tick = ticks.Count % 2 == 0 ? tick * 3 : tick * 10 / 3;
        }

        _max = tick;
        Ticks = ticks;
    }

    public override IReadOnlyList<(double Value, string Label)> Ticks { get; }

    public override double Y(double value) => Bottom - (Math.Log(1 + Math.Clamp(value, 0, _max)) / Math.Log(1 + _max) * (Bottom - Top));
}
