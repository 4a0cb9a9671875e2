namespace NetGuard.Evaluation.Nab;

/// <summary>One detector's NAB run: its results per profile and what it cost.</summary>
internal sealed record NabDetectorReport(
    string Detector,
    IReadOnlyList<NabProfileResult> Profiles,
    int Files,
    int Points,
    TimeSpan DetectTime,
    TimeSpan TotalTime);
