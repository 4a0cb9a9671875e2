namespace NetGuard.Detection.Detectors;

/// <summary>Settings of <see cref="CusumDetector"/>. Immutable; validated by the detector's constructor.</summary>
public sealed record CusumOptions
{
    /// <summary>Values in the sliding window that standardises each new value (median, MAD). At least 3.</summary>
    public int WindowLength { get; init; } = 100;

    /// <summary>k: the allowance, in robust σ, subtracted each step (half the shift to detect fastest, Page 1954).</summary>
    public double Drift { get; init; } = 1;

    /// <summary>h: the decision interval in robust σ; the score is 0.5 when a sum reaches h, 1 at 2h.</summary>
    public double Threshold { get; init; } = 8;

    /// <summary>|z| is capped here (Huber-style) so one outlier cannot make a change on its own.</summary>
    public double ZCap { get; init; } = 4;

    /// <summary>Applied to each value first.</summary>
    public ValueTransform Transform { get; init; } = ValueTransform.None;

    /// <summary>Upward watches increases only, Downward decreases only, TwoSided both.</summary>
    public AnomalySide Side { get; init; } = AnomalySide.TwoSided;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(WindowLength, 3);
        if (!(Drift >= 0 && Drift < 100))
        {
            throw new ArgumentOutOfRangeException(nameof(Drift), Drift, "Must be in [0, 100).");
        }

        if (!(Threshold > 0 && Threshold < 1e6))
        {
            throw new ArgumentOutOfRangeException(nameof(Threshold), Threshold, "Must be in (0, 1e6).");
        }

        if (!(ZCap > 0 && ZCap < 1e6))
        {
            throw new ArgumentOutOfRangeException(nameof(ZCap), ZCap, "Must be in (0, 1e6).");
        }

        if (!Enum.IsDefined(Transform) || !Enum.IsDefined(Side))
        {
            throw new ArgumentOutOfRangeException(nameof(Side), "Unknown transform or side.");
        }
    }
}
