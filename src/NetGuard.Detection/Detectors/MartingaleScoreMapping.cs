namespace NetGuard.Detection.Detectors;

/// <summary>How a changepoint detector maps its martingale value M to a score in [0, 1].</summary>
public enum MartingaleScoreMapping
{
    /// <summary>
    /// score = max(0, 1 − 1/M). Under exchangeable data each bet has expectation 1, so by Markov's
    /// inequality P(M ≥ 1/α) ≤ α: a score of at least 1 − α is a false alarm with probability at most α.
    /// </summary>
    MarkovBound,

    /// <summary>
    /// score = clamp(log10 M / <c>LogScaleDecades</c>, 0, 1): the same order, spread evenly over the decades
    /// of evidence (M = 10^(d·score)) for threshold sweeps that step linearly.
    /// </summary>
    LogScaled,
}
