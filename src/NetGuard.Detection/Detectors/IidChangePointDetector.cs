namespace NetGuard.Detection.Detectors;

/// <summary>
/// IID changepoint detector: a conformal martingale over the kernel-density p-values of
/// <see cref="IidSpikeDetector"/> (ML.NET's DetectIidChangePoint), mapped to [0, 1] by an
/// evidence bound instead of ML.NET's exp(W·logBet(1 − confidence)) threshold.
/// </summary>
/// <remarks>
/// Cost O(history) per value; memory the value history plus the martingale window; warm after MinHistory values plus a full martingale window.
/// The p-value history and the martingale window are separate settings: a long history keeps p-values
/// small for longer after a change (more evidence), a short martingale window keeps the evidence needed
/// reachable (ML.NET ties both to one length, which at a few hundred makes its threshold about 1e31).
/// </remarks>
public sealed class IidChangePointDetector : IStreamingDetector
{
    private readonly KernelPValue _pValues;
    private readonly SlidingMartingale _martingale;
    private readonly double _decades;
    private readonly IidChangePointOptions _options;

    /// <summary>A detector with <paramref name="options"/>, or the defaults.</summary>
    public IidChangePointDetector(IidChangePointOptions? options = null)
    {
        options ??= new IidChangePointOptions();
        options.Validate();
        _options = options;
        _pValues = new KernelPValue(options.HistoryLength);
        _martingale = options.Martingale.Create();
        _decades = options.Martingale.EffectiveDecades;
    }

    /// <inheritdoc />
    public string Name => "iid-changepoint";

    /// <inheritdoc />
    public bool IsWarm => _pValues.Count >= _options.EffectiveMinHistory && _martingale.IsFull;

    /// <summary>log M after the last value (0 before the history is full).</summary>
    public double LogMartingale => _martingale.LogValue;

    /// <inheritdoc />
    public double Score(double value)
    {
        if (!InputGuard.TryNormalize(value, out var x))
        {
            return 0;
        }

        double score = 0;
        if (_pValues.Count >= _options.EffectiveMinHistory)
        {
            var logM = _martingale.Update(_pValues.PValue(x, _options.Side));
            score = _martingale.IsFull ? SlidingMartingale.ToScore(logM, _options.Martingale.ScoreMapping, _decades) : 0.0;
        }

        _pValues.Add(x);
        return InputGuard.Sanitize(score);
    }
}
