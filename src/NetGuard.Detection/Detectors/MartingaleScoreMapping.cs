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
    /// score = clamp(log10 M / d, 0, 1) with d = <c>LogScaleDecades</c> (by default the most evidence the window
    /// can hold): the same order as <see cref="MarkovBound"/>, but it never saturates in double precision
    /// (1 − 1/M is exactly 1 beyond M ≈ 1e16) and a score s still reads as a bound: M = 10^(d·s).
    /// </summary>
    LogScaled,
}
