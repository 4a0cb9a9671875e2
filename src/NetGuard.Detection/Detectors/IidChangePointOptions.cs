namespace NetGuard.Detection.Detectors;

/// <summary>Settings of <see cref="IidChangePointDetector"/>. Immutable; validated by the detector's constructor.</summary>
public sealed record IidChangePointOptions
{
    /// <summary>Values in the sliding history for the kernel p-values. At least 2.</summary>
    public int HistoryLength { get; init; } = 100;

    /// <summary>Which departures the p-values count.</summary>
    public AnomalySide Side { get; init; } = AnomalySide.TwoSided;

    public MartingaleOptions Martingale { get; init; } = new();

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(HistoryLength, 2);
        if (!Enum.IsDefined(Side))
        {
            throw new ArgumentOutOfRangeException(nameof(Side), Side, "Unknown side.");
        }

        ArgumentNullException.ThrowIfNull(Martingale);
        Martingale.Validate();
    }
}
