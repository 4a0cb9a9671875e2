namespace NetGuard.Detection.Detectors;

/// <summary>Settings of <see cref="RobustZDetector"/>. Immutable; validated by the detector's constructor.</summary>
public sealed record RobustZOptions
{
    /// <summary>Values in the sliding window for the median and MAD; also the warm-up. At least 3.</summary>
    public int WindowLength { get; init; } = 100;

    /// <summary>Applied to each value first; log1p tames the heavy tail of packet and byte counts.</summary>
    public ValueTransform Transform { get; init; } = ValueTransform.Log1p;

    /// <summary>Which departures count.</summary>
    public AnomalySide Side { get; init; } = AnomalySide.TwoSided;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(WindowLength, 3);
        if (!Enum.IsDefined(Transform) || !Enum.IsDefined(Side))
        {
            throw new ArgumentOutOfRangeException(nameof(Side), "Unknown transform or side.");
        }
    }
}
