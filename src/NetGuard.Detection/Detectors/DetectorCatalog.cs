namespace NetGuard.Detection.Detectors;

/// <summary>
/// Creates detectors with their default settings by stable name, for configuration and the evaluation
/// harness. A name may end in "+likelihood" (<see cref="AnomalyLikelihood"/> with its defaults: surprisal of the
/// inner score averaged) or "+raw-likelihood" (Numenta's original: the raw inner score averaged).
/// </summary>
public static class DetectorCatalog
{
    private static readonly (string Name, Func<IStreamingDetector> Create)[] Bases =
    [
        ("iid-spike", () => new IidSpikeDetector()),
        ("iid-changepoint", () => new IidChangePointDetector()),
        ("ssa-spike", () => new SsaSpikeDetector()),
        ("ssa-changepoint", () => new SsaChangePointDetector()),
        ("cusum", () => new CusumDetector()),
        ("robust-z", () => new RobustZDetector()),
        ("rank-spike", () => new RankSpikeDetector()),
        ("knn-cad", () => new KnnConformalDetector()),
        ("range-novelty", () => new RangeNoveltyDetector()),
        ("ensemble", () => EnsembleDetector.Default()),
        ("ensemble-lite", () => EnsembleDetector.Lite()),
    ];

    private static readonly (string Suffix, AnomalyLikelihoodOptions Options)[] Suffixes =
    [
        ("+likelihood", new AnomalyLikelihoodOptions()),
        ("+raw-likelihood", new AnomalyLikelihoodOptions { Input = LikelihoodInput.Raw }),
    ];

    /// <summary>The base detector names (each also valid with any likelihood suffix).</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Bases.Select(b => b.Name)];

    /// <summary>The likelihood suffixes.</summary>
    public static IReadOnlyList<string> LikelihoodSuffixes { get; } = [.. Suffixes.Select(s => s.Suffix)];

    /// <summary>A new detector for <paramref name="name"/>, or false if the name is unknown.</summary>
    public static bool TryCreate(string name, out IStreamingDetector? detector)
    {
        ArgumentNullException.ThrowIfNull(name);
        detector = null;
        var baseName = name;
        AnomalyLikelihoodOptions? likelihood = null;
        foreach (var (suffix, options) in Suffixes)
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal))
            {
                baseName = name[..^suffix.Length];
                likelihood = options;
                break;
            }
        }

        foreach (var (baseEntry, create) in Bases)
        {
            if (string.Equals(baseEntry, baseName, StringComparison.Ordinal))
            {
                var inner = create();
                detector = likelihood is null ? inner : new AnomalyLikelihood(inner, likelihood);
                return true;
            }
        }

        return false;
    }

    /// <summary>A new detector for <paramref name="name"/>; throws <see cref="ArgumentException"/> if unknown.</summary>
    public static IStreamingDetector Create(string name) =>
        TryCreate(name, out var detector)
            ? detector!
            : throw new ArgumentException($"Unknown detector '{name}'. Known: {string.Join(", ", Names)}, each optionally with {string.Join(" ", LikelihoodSuffixes)}.", nameof(name));
}
