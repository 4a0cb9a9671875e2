namespace NetGuard.Evaluation.Nab;

/// <summary>One file's raw score at one threshold, and its parts.</summary>
/// <param name="Raw">TruePositiveScore + FalsePositiveScore + FalseNegativeScore.</param>
/// <param name="WindowsDetected">Scorable windows with a detection in them.</param>
/// <param name="WindowsMissed">Scorable windows without one.</param>
/// <param name="FalsePositives">Scored rows outside every window that were detections.</param>
internal sealed record NabFileScore(
    string Name,
    double Raw,
    int WindowsDetected,
    int WindowsMissed,
    int FalsePositives,
    double TruePositiveScore,
    double FalsePositiveScore,
    double FalseNegativeScore);
