namespace NetGuard.Detection.Detectors;

/// <summary>Settings of <see cref="SsaSpikeDetector"/>. Immutable; validated by the detector's constructor.</summary>
public sealed record SsaSpikeOptions
{
    /// <summary>The SSA model whose forecast residuals are scored.</summary>
    public SsaModelOptions Model { get; init; } = new();

    /// <summary>Residuals in the sliding history their kernel p-values are computed against. At least 2.</summary>
    public int HistoryLength { get; init; } = 500;

    /// <summary>History entries needed before scoring starts (the warm-up; at most the history length); 0 means the full history.</summary>
    public int MinHistory { get; init; } = 50;

    /// <summary>Which residual signs count: Upward means the value came in above the forecast.</summary>
    public AnomalySide Side { get; init; } = AnomalySide.TwoSided;

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
    }
}
