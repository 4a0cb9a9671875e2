using System.Diagnostics;
using NetGuard.Detection.Detectors;
using NetGuard.Evaluation.Detectors;
using NetGuard.Testing;

namespace NetGuard.Evaluation.Nab;

/// <summary>
/// <c>nab</c>: runs registered detectors over the NAB corpus and scores them with NAB's method.
/// Results go to stdout (with <c>--json</c>, each detector's last line is one JSON object); progress to stderr.
/// </summary>
internal static class NabCommand
{
    /// <summary>The detector NetGuard reports on NAB (README, ALGORITHMS.md).</summary>
    public const string DefaultDetector = "ensemble";

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr) =>
        Run(args, DetectorRegistry.All, stdout, stderr);

    public static int Run(
        IReadOnlyList<string> args,
        IReadOnlyDictionary<string, Func<IStreamingDetector>> registry,
        TextWriter stdout,
        TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        var options = NabCommandOptions.Parse(args, out var error);
        if (options is null)
        {
            stderr.WriteLine(error);
            stderr.WriteLine(NabCommandOptions.Usage);
            return 2;
        }

        if (options.List)
        {
            foreach (var name in registry.Keys.Order(StringComparer.Ordinal))
            {
                stdout.WriteLine(name);
            }

            return 0;
        }

        var unknown = options.Detectors.Where(d => d != "all" && !registry.ContainsKey(d)).ToList();
        if (unknown.Count > 0)
        {
            stderr.WriteLine($"unknown detector(s): {string.Join(", ", unknown)}; registered: {string.Join(", ", registry.Keys.Order(StringComparer.Ordinal))}");
            return 2;
        }

        var dataDirectory = options.DataDirectory ?? SharedData.Directory;
        var root = dataDirectory is null ? null : NabCorpus.FindRoot(dataDirectory);
        if (root is null)
        {
            stderr.WriteLine(dataDirectory is null
                ? $"no --data given and {SharedData.MissingMessage}"
                : $"{dataDirectory} holds no NAB corpus (labels/combined_windows.json, itself or under nab/)");
            return 1;
        }

        try
        {
            RunDetectors(root, options, registry, stdout, stderr);
            return 0;
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or IOException or FormatException or ArgumentException or System.Text.Json.JsonException)
        {
            stderr.WriteLine($"error: {e.Message}");
            return 1;
        }
    }

    private static void RunDetectors(
        string root,
        NabCommandOptions options,
        IReadOnlyDictionary<string, Func<IStreamingDetector>> registry,
        TextWriter stdout,
        TextWriter stderr)
    {
        var loading = Stopwatch.StartNew();
        var corpus = NabCorpus.Load(root);
        stderr.WriteLine($"loaded {corpus.Files.Count} files, {corpus.PointCount} points, {corpus.LabelledWindowCount} windows from {root} in {loading.Elapsed.TotalSeconds:F2} s");

        // Without --detector: NetGuard's chosen detector, so that the last line of --json is its score.
        // "--detector all" runs every registered one.
        var names = options.Detectors.Count == 0 ? [DefaultDetector]
            : options.Detectors.SequenceEqual(["all"]) ? [.. registry.Keys.Order(StringComparer.Ordinal)]
            : options.Detectors;
        foreach (var name in names)
        {
            var total = Stopwatch.StartNew();
            var (scores, detectTime) = NabDetectorRun.Run(corpus, name, registry[name], stderr);
            var results = NabBenchmark.Evaluate(corpus, scores);
            var report = new NabDetectorReport(name, results, corpus.Files.Count, corpus.PointCount, detectTime, total.Elapsed);
            NabReportWriter.WriteText(stdout, report);
            if (options.Json)
            {
                stdout.WriteLine(NabReportWriter.ToJson(report));
            }
        }
    }
}
