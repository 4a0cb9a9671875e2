namespace NetGuard.Evaluation.Nab;

/// <summary>
/// NAB's threshold sweep (calcScoreByThreshold over the whole corpus, as its optimiser runs it):
/// rows sorted by anomaly score, highest first; lowering the threshold past each distinct score turns
/// those rows into detections; each window is worth the best (earliest) detection in it, or −A_FN
/// while it has none; false positives add up.
/// </summary>
internal static class NabSweeper
{
    /// <summary>NAB starts above every score so that the first entry is "nothing detected".</summary>
    private const double StartThreshold = 1.1;

    public static NabSweepResult Sweep(IReadOnlyList<NabFileLayout> layouts, IReadOnlyList<double[]> scores, NabProfile profile)
    {
        NabScorer.CheckAligned(layouts, scores);

        var total = 0;
        var windows = 0;
        for (var f = 0; f < layouts.Count; f++)
        {
            total += layouts[f].Rows - Math.Min(layouts[f].ProbationaryLength, layouts[f].Rows);
            windows += layouts[f].Windows.Count;
        }

        var keys = new double[total];
        var windowIds = new int[total];
        var weights = new double[total];
        var n = 0;
        var windowBase = 0;
        for (var f = 0; f < layouts.Count; f++)
        {
            var layout = layouts[f];
            for (var i = layout.ProbationaryLength; i < layout.Rows; i++)
            {
                var w = layout.WindowOf(i);
                keys[n] = scores[f][i];
                windowIds[n] = w >= 0 ? windowBase + w : -1;
                weights[n] = layout.Weight(i, profile);
                n++;
            }

            windowBase += layout.Windows.Count;
        }

        // Every scorable window starts as missed.
        var best = new double[windows];
        var windowSum = 0.0;
        windowBase = 0;
        foreach (var layout in layouts)
        {
            for (var k = 0; k < layout.Windows.Count; k++)
            {
                var scorable = layout.Windows[k].End >= layout.ProbationaryLength;
                best[windowBase + k] = scorable ? -profile.FnWeight : 0;
                windowSum += best[windowBase + k];
            }

            windowBase += layout.Windows.Count;
        }

        var order = new int[total];
        for (var i = 0; i < total; i++)
        {
            order[i] = i;
        }

        // Ties need no stable order: rows of equal score join the detections together.
        Array.Sort(keys, order);

        var curve = new List<NabThresholdScore>();
        var threshold = StartThreshold;
        var fpSum = 0.0;
        for (var r = total - 1; r >= 0; r--)
        {
            var row = order[r];
            if (keys[r] != threshold)
            {
                curve.Add(new NabThresholdScore(threshold, fpSum + windowSum));
                threshold = keys[r];
            }

            var id = windowIds[row];
            if (id < 0)
            {
                fpSum += weights[row];
            }
            else if (weights[row] > best[id])
            {
                windowSum += weights[row] - best[id];
                best[id] = weights[row];
            }
        }

        curve.Add(new NabThresholdScore(threshold, fpSum + windowSum));

        var top = curve[0];
        foreach (var point in curve)
        {
            if (point.Score > top.Score)
            {
                top = point;
            }
        }

        return new NabSweepResult(curve, top);
    }
}
