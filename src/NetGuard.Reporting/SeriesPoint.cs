namespace NetGuard.Reporting;

/// <summary>
/// One drawn point of a series: the seconds [<see cref="Start"/>, Start + <see cref="Span"/>) and the
/// smallest, largest and mean per-second value in them.
/// </summary>
internal readonly record struct SeriesPoint(long Start, long Span, double Min, double Max, double Mean)
{
    public long End => Start + Span;
}
