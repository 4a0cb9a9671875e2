namespace NetGuard.Detection.Detectors;

/// <summary>
/// SSA changepoint detector: a conformal martingale over the kernel p-values of SSA forecast residuals
/// (ML.NET's DetectChangePointBySsa), mapped to [0, 1] like <see cref="IidChangePointDetector"/>.
/// </summary>
/// <remarks>Cost and memory as <see cref="SsaSpikeDetector"/> plus the martingale window; warm after N training values, MinHistory residuals and a full martingale window.</remarks>
public sealed class SsaChangePointDetector : IStreamingDetector
{
    private readonly SsaResidualStream _residuals;
    private readonly SsaModelOptions _model;
    private readonly KernelPValue _pValues;
    private readonly SlidingMartingale _martingale;
    private readonly double _decades;
    private readonly SsaChangePointOptions _options;

    /// <summary>A detector with <paramref name="options"/>, or the defaults.</summary>
    public SsaChangePointDetector(SsaChangePointOptions? options = null)
    {
        options ??= new SsaChangePointOptions();
        options.Validate();
        _options = options;
        _model = options.Model;
        _residuals = new SsaResidualStream(options.Model);
        _pValues = new KernelPValue(options.HistoryLength);
        _martingale = options.Martingale.Create();
        _decades = options.Martingale.EffectiveDecades;
    }

    /// <inheritdoc />
    public string Name => "ssa-changepoint";

    /// <inheritdoc />
    public bool IsWarm => _pValues.Count >= _options.EffectiveMinHistory && _martingale.IsFull;

    /// <inheritdoc />
    public double Score(double value)
    {
        if (!InputGuard.TryNormalize(value, out var x))
        {
            return 0;
        }

        var bound = _pValues.Count >= _options.EffectiveMinHistory ? _model.ClipBound(_pValues.Bandwidth) : double.PositiveInfinity;
        if (!InputGuard.TryNormalize(_residuals.Observe(x, bound), out var residual))
        {
            return 0;
        }

        double score = 0;
        if (_pValues.Count >= _options.EffectiveMinHistory)
        {
            var logM = _martingale.Update(_pValues.PValue(residual, _options.Side));
            score = _martingale.IsFull ? SlidingMartingale.ToScore(logM, _options.Martingale.ScoreMapping, _decades) : 0.0;
        }

        _pValues.Add(residual);
        return InputGuard.Sanitize(score);
    }
}
