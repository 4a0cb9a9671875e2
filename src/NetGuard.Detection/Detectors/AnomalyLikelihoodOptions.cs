namespace NetGuard.Detection.Detectors;

/// <summary>Settings of <see cref="AnomalyLikelihood"/> (defaults after Numenta's anomaly_likelihood.py). Immutable.</summary>
public sealed record AnomalyLikelihoodOptions
{
    /// <summary>Inner scores in the short moving average.</summary>
    public int AveragingWindow { get; init; } = 10;

    /// <summary>Averages skipped after the inner detector warms up, while its scores settle (Numenta's learningPeriod).</summary>
    public int LearningPeriod { get; init; }

    /// <summary>Averages needed before the first estimate of their distribution; part of the warm-up.</summary>
    public int EstimationSamples { get; init; } = 100;

    /// <summary>Averages kept for the long-run distribution (Numenta: 8640, a month of 5-minute values).</summary>
    public int HistoryLength { get; init; } = 2000;

    /// <summary>Values between re-estimates of the distribution's mean and variance.</summary>
    public int ReestimationPeriod { get; init; } = 100;

    /// <summary>What is averaged: the surprisal of the inner score (default) or the score itself.</summary>
    public LikelihoodInput Input { get; init; } = LikelihoodInput.Surprisal;

    /// <summary>Likelihood (1 − tail) or Numenta's log scale.</summary>
    public LikelihoodOutput Output { get; init; } = LikelihoodOutput.Likelihood;

    /// <summary>After a tail below 1e-5, a second one in a row reports 1e-3 (Numenta's filter: only the onset is red).</summary>
    public bool FilterRepeatedRed { get; init; } = true;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(AveragingWindow, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(LearningPeriod);
        ArgumentOutOfRangeException.ThrowIfLessThan(EstimationSamples, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(HistoryLength, EstimationSamples);
        ArgumentOutOfRangeException.ThrowIfLessThan(ReestimationPeriod, 1);
        if (!Enum.IsDefined(Input) || !Enum.IsDefined(Output))
        {
            throw new ArgumentOutOfRangeException(nameof(Input), "Unknown input or output.");
        }
    }
}
