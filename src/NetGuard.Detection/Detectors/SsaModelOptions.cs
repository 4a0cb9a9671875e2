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

    internal int EffectiveMaxRank => MaxRank > 0 ? MaxRank : WindowLength / 2;

    internal int EffectiveRefitInterval => RefitInterval > 0 ? RefitInterval : TrainingLength;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(WindowLength, 3);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(WindowLength, 512);
        ArgumentOutOfRangeException.ThrowIfLessThan(TrainingLength, 3 * WindowLength);
        ArgumentOutOfRangeException.ThrowIfNegative(RefitInterval);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRank);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxRank, WindowLength - 1);
    }
}
