namespace NetGuard.Detection.Detectors;

/// <summary>
/// SSA spike detector: forecasts each value from a singular-spectrum model of the recent series and
/// scores 1 − p, p the kernel p-value of the forecast residual against recent residuals
/// (the published algorithm of ML.NET's DetectSpikeBySsa, with the departures listed on <see cref="SsaFitter"/>).
/// </summary>
/// <remarks>
/// Cost O(L·r + history) per value plus a re-fit every refit interval (O(L²·N + L³), amortised O(L²));
/// memory O(N + L² + history); warm after N training values and then MinHistory residuals.
/// </remarks>
public sealed class SsaSpikeDetector : IStreamingDetector
{
    private readonly SsaResidualStream _residuals;
    private readonly SsaModelOptions _model;
    private readonly KernelPValue _pValues;
    private readonly AnomalySide _side;
    private readonly int _minHistory;

    /// <summary>A detector with <paramref name="options"/>, or the defaults.</summary>
    public SsaSpikeDetector(SsaSpikeOptions? options = null)
    {
        options ??= new SsaSpikeOptions();
        options.Validate();
        _model = options.Model;
        _residuals = new SsaResidualStream(options.Model);
        _pValues = new KernelPValue(options.HistoryLength);
        _side = options.Side;
        _minHistory = options.EffectiveMinHistory;
    }

    /// <inheritdoc />
    public string Name => "ssa-spike";

    /// <inheritdoc />
    public bool IsWarm => _pValues.Count >= _minHistory;

    /// <summary>The rank of the current model besides the constant (−1 before the first fit).</summary>
    public int Rank => _residuals.IsTrained ? _residuals.Model.Rank : -1;

    /// <inheritdoc />
    public double Score(double value)
    {
        if (!InputGuard.TryNormalize(value, out var x))
        {
            return 0;
        }

        var bound = IsWarm ? _model.ClipBound(_pValues.Bandwidth) : double.PositiveInfinity;
        if (!InputGuard.TryNormalize(_residuals.Observe(x, bound), out var residual))
        {
            return 0;
        }

        var score = IsWarm ? 1.0 - _pValues.PValue(residual, _side, 0) : 0.0;
        _pValues.Add(residual);
        return InputGuard.Sanitize(score);
    }
}
