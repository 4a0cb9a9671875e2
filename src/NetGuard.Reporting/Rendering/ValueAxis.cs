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
