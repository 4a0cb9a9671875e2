namespace NetGuard.Evaluation.Nab;

/// <summary>
/// Scores one file at a fixed threshold, window by window as NAB's documentation states it: a row is a
/// detection when its score is at least the threshold; within a window only the earliest detection
/// counts; a window without one costs −A_FN; every detection outside a window adds σ·A_FP.
/// </summary>
internal static class NabScorer
{
    public static NabFileScore ScoreFile(string name, NabFileLayout layout, double[] scores, double threshold, NabProfile profile)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(profile);
        CheckScores(name, layout, scores);

        double tp = 0, fp = 0, fn = 0;
        int detected = 0, missed = 0, falsePositives = 0;
        foreach (var window in layout.Windows)
        {
            if (window.End < layout.ProbationaryLength)
            {
                continue;
            }

            var first = -1;
            for (var i = Math.Max(window.Start, layout.ProbationaryLength); i <= window.End && first < 0; i++)
            {
                first = scores[i] >= threshold ? i : -1;
            }

            if (first < 0)
            {
                fn -= profile.FnWeight;
                missed++;
            }
            else
            {
                tp += layout.Weight(first, profile);
                detected++;
            }
        }

        for (var i = layout.ProbationaryLength; i < layout.Rows; i++)
        {
            if (layout.WindowOf(i) == NabFileLayout.Outside && scores[i] >= threshold)
            {
                fp += layout.Weight(i, profile);
                falsePositives++;
            }
        }

        return new NabFileScore(name, tp + fp + fn, detected, missed, falsePositives, tp, fp, fn);
    }

    internal static void CheckAligned(IReadOnlyList<NabFileLayout> layouts, IReadOnlyList<double[]> scores)
    {
        ArgumentNullException.ThrowIfNull(layouts);
        ArgumentNullException.ThrowIfNull(scores);
        if (layouts.Count != scores.Count)
        {
            throw new ArgumentException($"{scores.Count} score series for {layouts.Count} files", nameof(scores));
        }

        for (var f = 0; f < layouts.Count; f++)
        {
            CheckScores($"file #{f}", layouts[f], scores[f]);
        }
    }

    private static void CheckScores(string name, NabFileLayout layout, double[] scores)
    {
        if (scores.Length != layout.Rows)
        {
            throw new ArgumentException($"{name}: {scores.Length} scores for {layout.Rows} rows", nameof(scores));
        }

        for (var i = 0; i < scores.Length; i++)
        {
            if (!double.IsFinite(scores[i]))
            {
                throw new ArgumentException($"{name}: row {i} has score {scores[i]}; NAB needs finite scores", nameof(scores));
            }
        }
    }
}
