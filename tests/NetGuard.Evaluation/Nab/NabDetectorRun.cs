using System.Diagnostics;
using NetGuard.Detection.Detectors;

namespace NetGuard.Evaluation.Nab;

/// <summary>
/// Streams every corpus file through a freshly created detector, row by row: the detector sees each
/// value once, in order, and nothing else (no look-ahead, no file length, no global min or max).
/// </summary>
internal static class NabDetectorRun
{
    /// <returns>Per-file scores in corpus order, and the time spent inside <see cref="IStreamingDetector.Score"/> calls.</returns>
    public static (IReadOnlyList<double[]> Scores, TimeSpan DetectTime) Run(
        NabCorpus corpus, string name, Func<IStreamingDetector> factory, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(progress);

        var all = new List<double[]>(corpus.Files.Count);
        var detectTicks = 0L;
        for (var f = 0; f < corpus.Files.Count; f++)
        {
            var file = corpus.Files[f];
            var values = file.Values;
            var scores = new double[values.Count];
            var detector = factory();
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < scores.Length; i++)
            {
                scores[i] = detector.Score(values[i]);
            }

            var elapsed = Stopwatch.GetElapsedTime(start);
            detectTicks += elapsed.Ticks;
            CheckContract(name, file.Name, scores);
            all.Add(scores);
            progress.WriteLine($"[{name} {f + 1}/{corpus.Files.Count}] {file.Name}: {scores.Length} rows, {elapsed.TotalMilliseconds:F0} ms");
        }

        return (all, TimeSpan.FromTicks(detectTicks));
    }

    // IStreamingDetector promises a score in [0, 1], never NaN; say exactly where one broke that.
    private static void CheckContract(string detector, string file, double[] scores)
    {
        for (var i = 0; i < scores.Length; i++)
        {
            if (!(scores[i] >= 0 && scores[i] <= 1))
            {
                throw new InvalidOperationException($"detector \"{detector}\" returned {scores[i]} on {file} row {i}; scores must lie in [0, 1]");
            }
        }
    }
}
