namespace NetGuard.Detection.Detectors;

/// <summary>Settings of <see cref="EnsembleDetector"/>. Immutable; validated by the detector's constructor.</summary>
public sealed record EnsembleOptions
{
    /// <summary>Averages each calibrated member's likelihood layer keeps (Numenta's 8640: a month of 5-minute values).</summary>
    public int LikelihoodHistory { get; init; } = 8640;

    /// <summary>Averages each likelihood layer needs before its first estimate.</summary>
    public int EstimationSamples { get; init; } = 100;

    /// <summary>Values between re-estimates of each likelihood layer's distribution.</summary>
    public int ReestimationPeriod { get; init; } = 100;

    /// <summary>Decades of evidence (−log10 of a tail) at which the score is 0.5, the alarm level; 5 = a tail of 1e-5.</summary>
    public double AlarmDecades { get; init; } = 5;

    /// <summary>After an alarm, scores are 0 for this fraction of the values seen so far (clamped to the two limits below).</summary>
    public double RefractoryFraction { get; init; } = 0.03;

    /// <summary>Shortest refractory period, in values.</summary>
    public int MinRefractory { get; init; } = 30;

    /// <summary>Longest refractory period, in values; 0 turns the refractory period off.</summary>
    public int MaxRefractory { get; init; } = 200;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(EstimationSamples, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(LikelihoodHistory, EstimationSamples);
        ArgumentOutOfRangeException.ThrowIfLessThan(ReestimationPeriod, 1);
        if (!(AlarmDecades > 0 && AlarmDecades <= 300))
        {
            throw new ArgumentOutOfRangeException(nameof(AlarmDecades), AlarmDecades, "Must be in (0, 300].");
        }

        if (!(RefractoryFraction >= 0 && RefractoryFraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(RefractoryFraction), RefractoryFraction, "Must be in [0, 1].");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(MinRefractory);
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRefractory);
        if (MaxRefractory > 0)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThan(MinRefractory, MaxRefractory);
        }
    }
}
