namespace NetGuard.Detection.Detectors;

/// <summary>One part of an <see cref="EnsembleDetector"/>.</summary>
/// <param name="Detector">The detector; the ensemble owns and feeds it.</param>
/// <param name="Weight">
/// Calibrated members: the member's evidence (decades of its likelihood tail) is multiplied by this, so a
/// weight of 0.6 needs a tail of 1e-5^(1/0.6) ≈ 5e-9 to reach the alarm level. In (0, 100].
/// </param>
/// <param name="AveragingWindow">Calibrated members: the likelihood layer's short average, in values.</param>
/// <param name="Calibrated">
/// True: the member's scores go through an <see cref="AnomalyLikelihood"/> judged against the member's own history
/// (for p-value detectors). False: its score is used as it is (for 0/1 detectors such as <see cref="RangeNoveltyDetector"/>).
/// </param>
public sealed record EnsembleMember(IStreamingDetector Detector, double Weight = 1, int AveragingWindow = 10, bool Calibrated = true);
