namespace NetGuard.Detection.Detectors;

/// <summary>Settings of <see cref="KnnConformalDetector"/>. Immutable; validated by the detector's constructor.</summary>
public sealed record KnnConformalOptions
{
    /// <summary>Values in each lag vector (KNN CAD's 19: about 1.5 hours of 5-minute values). At least 1.</summary>
    public int Dimension { get; init; } = 19;

    /// <summary>k: the nonconformity of a lag vector is the sum of its squared distances to its k nearest training vectors.</summary>
    public int Neighbours { get; init; } = 3;

    /// <summary>Past lag vectors searched for neighbours (those overlapping the new one are left out). At least <see cref="Neighbours"/>.</summary>
    public int TrainingLength { get; init; } = 600;

    /// <summary>Nonconformity scores of past lag vectors the new one is ranked among. At least 1.</summary>
    public int CalibrationLength { get; init; } = 600;

    /// <summary>Calibration scores needed before scoring starts (at most <see cref="CalibrationLength"/>).</summary>
    public int MinCalibration { get; init; } = 50;

    /// <summary>Work on first differences (the shape of the changes, whatever the level) instead of the values.</summary>
    public bool Differencing { get; init; }

    internal int EffectiveMinCalibration => Math.Clamp(MinCalibration, 1, CalibrationLength);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Dimension, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Dimension, 10_000);
        ArgumentOutOfRangeException.ThrowIfLessThan(Neighbours, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(TrainingLength, Neighbours);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(TrainingLength, 1_000_000);
        ArgumentOutOfRangeException.ThrowIfLessThan(CalibrationLength, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(MinCalibration);
    }
}
