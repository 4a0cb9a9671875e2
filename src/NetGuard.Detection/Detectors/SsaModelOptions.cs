namespace NetGuard.Detection.Detectors;

/// <summary>The singular-spectrum model shared by the SSA detectors. Immutable.</summary>
public sealed record SsaModelOptions
{
    /// <summary>L: the lag window of the trajectory matrix, ideally covering one season. At least 3.</summary>
    public int WindowLength { get; init; } = 24;

    /// <summary>N: values the model is fitted on (a sliding window; at least 3·L).</summary>
    public int TrainingLength { get; init; } = 200;

    /// <summary>Values between re-fits on the latest N values; 0 means every N values.</summary>
    public int RefitInterval { get; init; }

    /// <summary>Largest number of eigenvectors (besides the constant) considered by rank selection; 0 means L/2.</summary>
    public int MaxRank { get; init; }

    /// <summary>
    /// Values further than this many residual σ from their forecast enter the forecaster's state clipped
    /// to that distance, so a spike does not bend the forecasts after it; 0 turns clipping off.
    /// </summary>
    public double OutlierClip { get; init; }

    internal int EffectiveMaxRank => MaxRank > 0 ? MaxRank : WindowLength / 2;

    internal int EffectiveRefitInterval => RefitInterval > 0 ? RefitInterval : TrainingLength;

    /// <summary>The clip bound for a residual history of spread <paramref name="residualSigma"/>.</summary>
    internal double ClipBound(double residualSigma) => OutlierClip > 0 ? OutlierClip * residualSigma : double.PositiveInfinity;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(WindowLength, 3);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(WindowLength, 512);
        ArgumentOutOfRangeException.ThrowIfLessThan(TrainingLength, 3 * WindowLength);
        ArgumentOutOfRangeException.ThrowIfNegative(RefitInterval);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRank);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxRank, WindowLength - 1);
        if (!(OutlierClip >= 0 && OutlierClip < 1e6))
        {
            throw new ArgumentOutOfRangeException(nameof(OutlierClip), OutlierClip, "Must be in [0, 1e6).");
        }
    }
}
