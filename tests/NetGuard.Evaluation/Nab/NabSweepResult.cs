namespace NetGuard.Evaluation.Nab;

/// <summary>
/// The raw score at every distinct anomaly score of the scored rows, highest threshold first, and
/// the best of them (the first, i.e. highest, threshold among equal maxima, as NAB's optimiser picks).
/// </summary>
internal sealed record NabSweepResult(IReadOnlyList<NabThresholdScore> Curve, NabThresholdScore Best);
