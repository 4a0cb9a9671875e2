namespace NetGuard.Detection.Detectors;

/// <summary>What <see cref="AnomalyLikelihood"/> averages.</summary>
public enum LikelihoodInput
{
    /// <summary>The inner score itself, as Numenta does with HTM's raw anomaly score.</summary>
    Raw,

    /// <summary>
    /// −ln(1 − score), the surprisal of a p-value score. A p-value detector's score is uniform under the null,
    /// so a 10-point average of it hides a single tiny p-value; its surprisal (Exp(1) under the null) does not.
    /// </summary>
    Surprisal,
}
