using NetGuard.Evaluation.Nab;

namespace NetGuard.Evaluation.Tests.Nab;

/// <summary>
/// The scorer on the real NAB v1.1 corpus: a detector that never fires scores 0, a perfect one 100,
/// and Numenta HTM's published per-row results reproduce its scoreboard entries.
/// </summary>
public class NabCorpusVerificationTests(ITestOutputHelper output)
{
    [Fact]
    public void Load_SharedCorpus_HasNabV11Shape()
    {
        var corpus = NabTestData.Corpus();

        Assert.Equal(58, corpus.Files.Count);
        Assert.Equal(365_558, corpus.PointCount);
        Assert.Equal(116, corpus.LabelledWindowCount);
        Assert.Equal(["standard", "reward_low_FP_rate", "reward_low_FN_rate"], corpus.Profiles.Select(p => p.Name));
        Assert.Equal(NabProfile.Published, corpus.Profiles);
        // NAB's labeller drops windows that reach into the probationary period, so every window is scored.
        Assert.All(corpus.Files, f => Assert.All(f.Windows, w => Assert.True(w.Start >= f.Layout.ProbationaryLength, f.Name)));
    }

    [Fact]
    public void Evaluate_DetectorThatNeverFires_ScoresZeroOnEveryProfile()
    {
        var corpus = NabTestData.Corpus();
        var scores = corpus.Files.Select(f => new double[f.Values.Count]).ToList();

        foreach (var result in NabBenchmark.Evaluate(corpus, scores))
        {
            Report(result);
            Assert.Equal(0.0, result.Normalized, 1e-9);
            Assert.Equal(result.Null, result.Raw, 1e-9);
            Assert.Equal(-116 * result.Profile.FnWeight, result.Null, 1e-9);
            Assert.Equal(0, result.WindowsDetected + result.FalsePositives);
        }
    }

    [Fact]
    public void Evaluate_PerfectDetector_Scores100OnEveryProfile()
    {
        var corpus = NabTestData.Corpus();
        var scores = corpus.Files.Select(f =>
        {
            var s = new double[f.Values.Count];
            foreach (var w in f.Windows)
            {
                s[w.Start] = 1;
            }

            return s;
        }).ToList();

        foreach (var result in NabBenchmark.Evaluate(corpus, scores))
        {
            Report(result);
            Assert.Equal(100.0, result.Normalized, 1e-9);
            Assert.Equal(116.0, result.Raw, 1e-9);
            Assert.Equal((116, 0), (result.WindowsDetected, result.FalsePositives));
        }
    }

    [Fact]
    public void Evaluate_NumentaHtmPublishedResults_ReproduceFinalResultsWithin0Point1()
    {
        var corpus = NabTestData.Corpus();
        var published = NabTestData.PublishedScores(corpus, "numenta");
        using var extracted = NabTestData.ExtractResults(corpus, "numenta.tar.gz");
        var scores = NabResultsReader.Read(corpus, Path.Combine(extracted.Path, "numenta"), "numenta");

        var results = NabBenchmark.Evaluate(corpus, scores);

        Assert.Equal(3, results.Count);
        foreach (var result in results)
        {
            Report(result);
            output.WriteLine($"  published {published[result.Profile.Name]:F4}, difference {result.Normalized - published[result.Profile.Name]:E2}");
            Assert.Equal(published[result.Profile.Name], result.Normalized, 0.1);
            // The per-file scores at the chosen threshold add up to the swept total.
            Assert.Equal(result.Raw, result.Files.Sum(f => f.Raw), 1e-9);
        }
    }

    [Fact]
    public void Sweep_NumentaHtmResults_EveryPublishedRawScoreLiesOnTheThresholdCurve()
    {
        // NAB's published figures come from the thresholds stored in its config/thresholds.json. Where
        // that threshold is not the sweep's optimum (HTM's reward_low_FP_rate), the published raw score
        // must still be the score of some threshold on the curve, and never above the optimum.
        var corpus = NabTestData.Corpus();
        var published = NabTestData.PublishedScores(corpus, "numenta");
        using var extracted = NabTestData.ExtractResults(corpus, "numenta.tar.gz");
        var scores = NabResultsReader.Read(corpus, Path.Combine(extracted.Path, "numenta"), "numenta");
        var layouts = corpus.Files.Select(f => f.Layout).ToList();

        foreach (var profile in corpus.Profiles)
        {
            var sweep = NabSweeper.Sweep(layouts, scores, profile);
            var nullScore = -116 * profile.FnWeight;
            var publishedRaw = nullScore + (published[profile.Name] / 100 * (116 * profile.TpWeight - nullScore));
            var matches = sweep.Curve.Where(c => Math.Abs(c.Score - publishedRaw) < 1e-6).ToList();
            output.WriteLine($"{profile.Name}: published raw {publishedRaw:F6} at thresholds [{string.Join(", ", matches.Select(m => m.Threshold.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}]; optimum {sweep.Best.Score:F6} at {sweep.Best.Threshold:R}");
            Assert.NotEmpty(matches);
            Assert.True(sweep.Best.Score >= publishedRaw - 1e-9);
        }
    }

    private void Report(NabProfileResult r) =>
        output.WriteLine($"{r.Profile.Name}: normalised {r.Normalized:F4}, raw {r.Raw:F4}, null {r.Null}, perfect {r.Perfect}, threshold {r.Threshold:R}, windows {r.WindowsDetected}/{r.WindowsDetected + r.WindowsMissed}, FP rows {r.FalsePositives}");
}
