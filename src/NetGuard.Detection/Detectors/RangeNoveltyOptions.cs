namespace NetGuard.Detection.Detectors;

/// <summary>Settings of <see cref="RangeNoveltyDetector"/>. Immutable; validated by the detector's constructor.</summary>
public sealed record RangeNoveltyOptions
{
    /// <summary>How far past the range seen so far, as a fraction of that range, a value must fall (Numenta's 0.05).</summary>
    public double Tolerance { get; init; } = 0.05;

    /// <summary>Values seen before a departure can score (the warm-up: the first values would all be "new"). At least 1.</summary>
    public int MinHistory { get; init; } = 100;

    internal void Validate()
    {
        if (!(Tolerance >= 0 && Tolerance <= 1e6))
        {
            throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, "Must be in [0, 1e6].");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MinHistory, 1);
    }
}
