namespace NetGuard.Detection.Detectors;

/// <summary>
/// IID spike detector: scores each value by 1 − p, p its kernel-density p-value against the previous
/// <see cref="IidSpikeOptions.HistoryLength"/> values (the published algorithm of ML.NET's DetectIidSpike).
/// </summary>
/// <remarks>Cost O(history) per value; memory one window of doubles; warm after MinHistory values.</remarks>
public sealed class IidSpikeDetector : IStreamingDetector
{
    private readonly KernelPValue _pValues;
    private readonly AnomalySide _side;
    private readonly int _minHistory;

    /// <summary>A detector with <paramref name="options"/>, or the defaults.</summary>
    public IidSpikeDetector(IidSpikeOptions? options = null)
    {
        options ??= new IidSpikeOptions();
        options.Validate();
        _pValues = new KernelPValue(options.HistoryLength);
        _side = options.Side;
        _minHistory = options.EffectiveMinHistory;
    }

    /// <inheritdoc />
    public string Name => "iid-spike";

    /// <inheritdoc />
    public bool IsWarm => _pValues.Count >= _minHistory;

    /// <inheritdoc />
    public double Score(double value)
    {
        if (!InputGuard.TryNormalize(value, out var x))
        {
            return 0;
        }

        var warm = IsWarm;
        var score = warm ? 1.0 - _pValues.PValue(x, _side, 0) : 0.0;
        _pValues.Add(x);
        return InputGuard.Sanitize(score);
    }
}
