using NetGuard.Detection.Detectors;

namespace NetGuard.Evaluation.Detectors;

/// <summary>
/// The detectors the harness can run, by name. Each factory must return a fresh detector: the harness
/// creates one per series and feeds it that series row by row.
/// </summary>
internal static class DetectorRegistry
{
    public static IReadOnlyDictionary<string, Func<IStreamingDetector>> All { get; } =
        new Dictionary<string, Func<IStreamingDetector>>(StringComparer.Ordinal)
        {
            ["windowed-gaussian"] = () => new WindowedGaussianDetector(),
        };
}
