namespace NetGuard.Detection.Detectors;

/// <summary>Settings of <see cref="RankSpikeDetector"/>. Immutable; validated by the detector's constructor.</summary>
public sealed record RankSpikeOptions
{
    /// <summary>Values in the sliding history the rank is taken in (8000: about four weeks of 5-minute values). At least 2.</summary>
    public int HistoryLength { get; init; } = 8000;

    /// <summary>Values needed before scoring starts (the warm-up; at most the history length).</summary>
    public int MinHistory { get; init; } = 100;

    /// <summary>Which departures count.</summary>
    public AnomalySide Side { get; init; } = AnomalySide.TwoSided;

    internal int EffectiveMinHistory => Math.Clamp(MinHistory, 1, HistoryLength);

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
