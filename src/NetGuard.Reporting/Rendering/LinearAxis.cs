namespace NetGuard.Reporting.Rendering;

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
