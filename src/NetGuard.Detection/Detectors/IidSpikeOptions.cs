namespace NetGuard.Detection.Detectors;

/// <summary>Settings of <see cref="IidSpikeDetector"/>. Immutable; validated by the detector's constructor.</summary>
public sealed record IidSpikeOptions
{
    /// <summary>Values in the sliding history the p-value is computed against; also the warm-up. At least 2.</summary>
    public int HistoryLength { get; init; } = 100;

    /// <summary>Which departures count.</summary>
    public AnomalySide Side { get; init; } = AnomalySide.TwoSided;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(HistoryLength, 2);
        if (!Enum.IsDefined(Side))
        {
            throw new ArgumentOutOfRangeException(nameof(Side), Side, "Unknown side.");
        }
    }
}
