namespace NetGuard.Evaluation.Nab;

/// <summary>
/// NAB's published method end to end: per profile, sweep one threshold over all files to maximise
/// the total raw score, then normalise 100·(raw − null)/(perfect − null).
/// </summary>
internal static class NabBenchmark
{
    /// <summary>Scores a detector's per-row anomaly scores, one array per corpus file in corpus order.</summary>
    public static IReadOnlyList<NabProfileResult> Evaluate(NabCorpus corpus, IReadOnlyList<double[]> scores)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        return Evaluate(
            [.. corpus.Files.Select(f => f.Name)],
            [.. corpus.Files.Select(f => f.Layout)],
            scores,
            corpus.Profiles,
            corpus.LabelledWindowCount);
    }

    /// <param name="labelledWindows">The number of windows in the label file, which sets the perfect score.</param>
    public static IReadOnlyList<NabProfileResult> Evaluate(
        IReadOnlyList<string> names,
        IReadOnlyList<NabFileLayout> layouts,
        IReadOnlyList<double[]> scores,
        IReadOnlyList<NabProfile> profiles,
        int labelledWindows)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(profiles);
        NabScorer.CheckAligned(layouts, scores);

        var results = new List<NabProfileResult>(profiles.Count);
        foreach (var profile in profiles)
        {
            var sweep = NabSweeper.Sweep(layouts, scores, profile);
            var files = new NabFileScore[layouts.Count];
            var nullScore = 0.0;
            for (var f = 0; f < layouts.Count; f++)
            {
                files[f] = NabScorer.ScoreFile(names[f], layouts[f], scores[f], sweep.Best.Threshold, profile);
                nullScore -= layouts[f].ScorableWindowCount * profile.FnWeight;
            }

            var perfect = labelledWindows * profile.TpWeight;
            var raw = sweep.Best.Score;
            results.Add(new NabProfileResult(
                profile, sweep.Best.Threshold, raw, nullScore, perfect, Normalize(raw, nullScore, perfect), files));
        }

        return results;
    }

    public static double Normalize(double raw, double nullScore, double perfect) =>
        100 * (raw - nullScore) / (perfect - nullScore);
}
