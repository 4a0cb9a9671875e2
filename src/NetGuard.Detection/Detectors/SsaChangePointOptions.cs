namespace NetGuard.Detection.Detectors;

/// <summary>Settings of <see cref="SsaChangePointDetector"/>. Immutable; validated by the detector's constructor.</summary>
public sealed record SsaChangePointOptions
{
    /// <summary>The SSA model whose forecast residuals are tested.</summary>
    public SsaModelOptions Model { get; init; } = new();

    /// <summary>Residuals in the sliding history their kernel p-values are computed against. At least 2.</summary>
    public int HistoryLength { get; init; } = 500;

    /// <summary>History entries needed before scoring starts (the warm-up; at most the history length); 0 means the full history.</summary>
    public int MinHistory { get; init; } = 50;

    /// <summary>Which residual signs count: Upward means values came in above their forecasts.</summary>
    public AnomalySide Side { get; init; } = AnomalySide.TwoSided;

    /// <summary>The martingale over the residual p-values and its score mapping.</summary>
    public MartingaleOptions Martingale { get; init; } = new();

    internal int EffectiveMinHistory => MinHistory > 0 ? Math.Clamp(MinHistory, 2, HistoryLength) : HistoryLength;

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Model);
        Model.Validate();
        ArgumentOutOfRangeException.ThrowIfLessThan(HistoryLength, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(MinHistory);
        if (!Enum.IsDefined(Side))
        {
            throw new ArgumentOutOfRangeException(nameof(Side), Side, "Unknown side.");
        }

        ArgumentNullException.ThrowIfNull(Martingale);
        Martingale.Validate();
    }
}
