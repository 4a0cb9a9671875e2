namespace NetGuard.Detection.Detectors;

/// <summary>Settings of <see cref="IidSpikeDetector"/>. Immutable; validated by the detector's constructor.</summary>
public sealed record IidSpikeOptions
{
    /// <summary>Values in the sliding history the p-value is computed against; also the warm-up. At least 2.</summary>
    public int HistoryLength { get; init; } = 500;

    /// <summary>Values needed before scoring starts (the warm-up; at most the history length); 0 means the full history.</summary>
    public int MinHistory { get; init; } = 50;

    /// <summary>Which departures count.</summary>
    public AnomalySide Side { get; init; } = AnomalySide.TwoSided;

    internal int EffectiveMinHistory => MinHistory > 0 ? Math.Clamp(MinHistory, 2, HistoryLength) : HistoryLength;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(HistoryLength, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(MinHistory);
        if (!Enum.IsDefined(Side))
        {
            throw new ArgumentOutOfRangeException(nameof(Side), Side, "Unknown side.");
        }
    }
}
