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

            // NetGuard.Detection's detectors with their defaults (DetectorCatalog; "+likelihood" = AnomalyLikelihood around it).
            ["iid-spike"] = () => DetectorCatalog.Create("iid-spike"),
            ["iid-spike+likelihood"] = () => DetectorCatalog.Create("iid-spike+likelihood"),
            ["iid-changepoint"] = () => DetectorCatalog.Create("iid-changepoint"),
            ["iid-changepoint+likelihood"] = () => DetectorCatalog.Create("iid-changepoint+likelihood"),
            ["ssa-spike"] = () => DetectorCatalog.Create("ssa-spike"),
            ["ssa-spike+likelihood"] = () => DetectorCatalog.Create("ssa-spike+likelihood"),
            ["ssa-changepoint"] = () => DetectorCatalog.Create("ssa-changepoint"),
            ["ssa-changepoint+likelihood"] = () => DetectorCatalog.Create("ssa-changepoint+likelihood"),
            ["cusum"] = () => DetectorCatalog.Create("cusum"),
            ["cusum+likelihood"] = () => DetectorCatalog.Create("cusum+likelihood"),
            ["robust-z"] = () => DetectorCatalog.Create("robust-z"),
            ["robust-z+likelihood"] = () => DetectorCatalog.Create("robust-z+likelihood"),

            // Likelihood-calibrated members with a refractory period (EnsembleDetector; ALGORITHMS.md).
            ["ensemble"] = () => DetectorCatalog.Create("ensemble"),
            ["ensemble-lite"] = () => DetectorCatalog.Create("ensemble-lite"),
            ["rank-spike+likelihood"] = () => DetectorCatalog.Create("rank-spike+likelihood"),
            ["knn-cad+likelihood"] = () => DetectorCatalog.Create("knn-cad+likelihood"),
        };
}
