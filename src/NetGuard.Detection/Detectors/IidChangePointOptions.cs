namespace NetGuard.Detection.Detectors;

/// <summary>Settings of <see cref="IidChangePointDetector"/>. Immutable; validated by the detector's constructor.</summary>
public sealed record IidChangePointOptions
{
    /// <summary>Values in the sliding history for the kernel p-values. At least 2.</summary>
    public int HistoryLength { get; init; } = 500;

    /// <summary>History entries needed before scoring starts (the warm-up; at most the history length); 0 means the full history.</summary>
    public int MinHistory { get; init; } = 50;

    /// <summary>Which departures the p-values count.</summary>
    public AnomalySide Side { get; init; } = AnomalySide.TwoSided;

    /// <summary>The martingale over the p-values and its score mapping.</summary>
    public MartingaleOptions Martingale { get; init; } = new();

    internal int EffectiveMinHistory => MinHistory > 0 ? Math.Clamp(MinHistory, 2, HistoryLength) : HistoryLength;

    internal void Validate()
    {
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
