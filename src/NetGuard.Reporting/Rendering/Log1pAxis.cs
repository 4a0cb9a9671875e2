namespace NetGuard.Reporting.Rendering;

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
