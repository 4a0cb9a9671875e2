namespace NetGuard.Evaluation.Nab;

/// <summary>The raw score when every row whose anomaly score is at least <see cref="Threshold"/> is a detection.</summary>
internal readonly record struct NabThresholdScore(double Threshold, double Score);
