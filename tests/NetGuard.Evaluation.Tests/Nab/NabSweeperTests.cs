using NetGuard.Evaluation.Nab;

namespace NetGuard.Evaluation.Tests.Nab;

public class NabSweeperTests
{
    private static readonly NabFileLayout _layout = NabFileLayout.Create(100, [new NabWindow(40, 59)]);

    [Fact]
    public void Sweep_FirstEntry_IsNothingDetectedAboveEveryScore()
    {
        var sweep = NabSweeper.Sweep([_layout], [new double[100]], NabProfile.Standard);

        Assert.Equal(new NabThresholdScore(1.1, -1.0), sweep.Curve[0]);
        Assert.Equal(0.0, sweep.Curve[^1].Threshold);
        Assert.Equal(sweep.Curve[0], sweep.Best);
    }

    [Fact]
    public void Sweep_ScoreEqualToThreshold_IsADetection()
    {
        var scores = Fill(0.1);
        scores[40] = 0.7;
        scores[70] = 0.7;

        var sweep = NabSweeper.Sweep([_layout], [scores], NabProfile.Standard);

        var expected = 1 + (-0.895171292277083 * 0.11);
        Assert.Equal(0.7, sweep.Best.Threshold);
        Assert.Equal(expected, sweep.Best.Score, 1e-15);
        Assert.Equal(expected, NabScorer.ScoreFile("f", _layout, scores, 0.7, NabProfile.Standard).Raw, 1e-15);
    }

    [Fact]
    public void Sweep_EqualMaxima_PicksTheHighestThreshold()
    {
        var scores = new double[100];
        scores[40] = 0.9;
        scores[45] = 0.8;   // also in the window but later: adds nothing

        var sweep = NabSweeper.Sweep([_layout], [scores], NabProfile.Standard);

        Assert.Equal(1.0, sweep.Best.Score, 1e-15);
        Assert.Equal(0.9, sweep.Best.Threshold);
    }

    [Fact]
    public void Sweep_LaterDetectionSeenFirst_WindowKeepsTheEarliest()
    {
        var scores = new double[100];
        scores[55] = 0.9;   // detected at the higher threshold
        scores[40] = 0.8;   // detected once the threshold drops: the window is worth its left edge

        var curve = NabSweeper.Sweep([_layout], [scores], NabProfile.Standard).Curve;

        Assert.Equal(NabScoring.ScaledSigmoid(-5.0 / 20) / NabScoring.MaxTruePositive, curve.Single(c => c.Threshold == 0.9).Score, 1e-15);
        Assert.Equal(1.0, curve.Single(c => c.Threshold == 0.8).Score, 1e-15);
    }

    [Fact]
    public void Sweep_RandomCorpus_EveryThresholdAgreesWithScoringEachFileSeparately()
    {
        var random = new Random(20150101);
        var layouts = new List<NabFileLayout>();
        var scores = new List<double[]>();
        for (var f = 0; f < 6; f++)
        {
            var rows = 300 + random.Next(900);
            var windows = new List<NabWindow>();
            for (var start = NabScoring.ProbationaryLength(rows) + random.Next(50); start + 30 < rows; start += 60 + random.Next(200))
            {
                windows.Add(new NabWindow(start, start + 10 + random.Next(20)));
            }

            layouts.Add(NabFileLayout.Create(rows, windows));
            // Coarse scores so that many rows tie.
            scores.Add([.. Enumerable.Range(0, rows).Select(_ => Math.Round(random.NextDouble(), 2))]);
        }

        foreach (var profile in NabProfile.Published)
        {
            var sweep = NabSweeper.Sweep(layouts, scores, profile);
            foreach (var point in sweep.Curve)
            {
                var separately = Enumerable.Range(0, layouts.Count)
                    .Sum(f => NabScorer.ScoreFile("f", layouts[f], scores[f], point.Threshold, profile).Raw);
                Assert.Equal(separately, point.Score, 1e-9);
            }

            Assert.Equal(sweep.Curve.Max(c => c.Score), sweep.Best.Score);
        }
    }

    [Fact]
    public void Sweep_NonFiniteScore_Throws()
    {
        var scores = new double[100];
        scores[50] = double.NaN;
        Assert.Throws<ArgumentException>(() => NabSweeper.Sweep([_layout], [scores], NabProfile.Standard));
    }

    private static double[] Fill(double value) => [.. Enumerable.Repeat(value, 100)];
}
