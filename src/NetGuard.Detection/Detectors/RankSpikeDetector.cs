using NetGuard.Detection.Numerics;

namespace NetGuard.Detection.Detectors;

/// <summary>
/// Rank (conformal) spike detector: scores each value by 1 − p, p its empirical rank p-value among the
/// previous <see cref="RankSpikeOptions.HistoryLength"/> values, with an exponential tail past the
/// extremes so that values beyond everything seen are still ordered by how far beyond they are.
/// </summary>
/// <remarks>
/// Upper p = (#{history ≥ x} + 1)/(n + 1), the conformal p-value of x among n exchangeable values
/// (Vovk, Gammerman &amp; Shafer 2005), and likewise the lower; two-sided p = 2·min, capped at 1. When x is
/// above the whole history the upper p is further multiplied by exp(−(x − max)/s), s the inter-decile range
/// of the history (q90 − q10, floored so that it is never 0): 1/(n + 1) alone would tie every new extreme.
/// Unlike the kernel p-value of <see cref="IidSpikeDetector"/> it assumes no shape and costs O(log n) to
/// rank, so the history can be long (weeks, not a day): a spike as large as last week's is not news.
/// Cost O(log n) to rank plus one array move of up to n doubles to insert; memory 2n doubles.
/// </remarks>
public sealed class RankSpikeDetector : IStreamingDetector
{
    // Floors for the extrapolation scale: relative for a large offset, absolute for an all-zero history.
    private const double RelativeMinScale = 1e-12;
    private const double MinScale = 1e-300;

    private readonly SortedWindow _history;
    private readonly AnomalySide _side;
    private readonly int _minHistory;

    /// <summary>A detector with <paramref name="options"/>, or the defaults.</summary>
    public RankSpikeDetector(RankSpikeOptions? options = null)
    {
        options ??= new RankSpikeOptions();
        options.Validate();
        _history = new SortedWindow(options.HistoryLength);
        _side = options.Side;
        _minHistory = options.EffectiveMinHistory;
    }

    /// <inheritdoc />
    public string Name => "rank-spike";

    /// <inheritdoc />
    public bool IsWarm => _history.Count >= _minHistory;

    /// <inheritdoc />
    public double Score(double value)
    {
        if (!InputGuard.TryNormalize(value, out var x))
        {
            return 0;
        }

        var score = IsWarm ? 1.0 - PValue(x) : 0.0;
        _history.Add(x);
        return InputGuard.Sanitize(score);
    }

    /// <summary>The p-value of <paramref name="x"/> against the history (not yet including it).</summary>
    internal double PValue(double x)
    {
        var n = _history.Count;
        var above = n - _history.CountBelow(x);
        var below = n - _history.CountAbove(x);
        var upper = (above + 1.0) / (n + 1.0);
        var lower = (below + 1.0) / (n + 1.0);
        if (above == 0 || below == 0)
        {
            var scale = Math.Max(
                _history.OrderStatistic((int)(0.9 * (n - 1))) - _history.OrderStatistic((int)(0.1 * (n - 1))),
                Math.Max(MinScale, RelativeMinScale * Math.Abs(_history.Median())));
            if (above == 0)
            {
                upper *= Math.Exp(-(x - _history.OrderStatistic(n - 1)) / scale);
            }
            else
            {
                lower *= Math.Exp(-(_history.OrderStatistic(0) - x) / scale);
            }
        }

        var p = _side switch
        {
            AnomalySide.Upward => upper,
            AnomalySide.Downward => lower,
            _ => 2.0 * Math.Min(upper, lower),
        };

        return double.IsNaN(p) ? 1.0 : Math.Clamp(p, 0.0, 1.0);
    }
}
