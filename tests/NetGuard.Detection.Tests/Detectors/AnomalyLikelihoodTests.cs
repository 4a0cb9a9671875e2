using NetGuard.Detection.Detectors;

namespace NetGuard.Detection.Tests.Detectors;

public class AnomalyLikelihoodTests
{
    private static readonly double[] Script = [0.1, 0.3, 0.2, 0.4, 0.9, 0.95, 0.2];

    // Expected values from an independent Python rendering of the published procedure (numpy mean/var of
    // the first three 2-point averages {0.1, 0.2, 0.25}, floors 0.03 / 0.0003, scipy.stats.norm.sf tail,
    // red filter at 1e-5 → 1e-3):
    //   0.4 → average 0.3, tail 0.0307 → 0.9693155854302989 (log scale 0.15130821568233768)
    //   0.9 → average 0.65, tail 3.6e-14 (first red, kept) → 0.9999999999999638 (0.9999842659685166)
    //   0.95, 0.2 → second and third red in a row → reported tail 1e-3 → 0.999 (0.2999999956570554)
    [Theory]
    [InlineData(LikelihoodOutput.Likelihood, new[] { 0.9693155854302989, 0.9999999999999638, 0.999, 0.999 })]
    [InlineData(LikelihoodOutput.LogLikelihood, new[] { 0.15130821568233768, 0.9999842659685166, 0.2999999956570554, 0.2999999956570554 })]
    public void Score_WorkedExample_MatchesReference(LikelihoodOutput output, double[] expected)
    {
        var likelihood = new AnomalyLikelihood(
            new ScriptedDetector(Script),
            new AnomalyLikelihoodOptions { AveragingWindow = 2, EstimationSamples = 3, HistoryLength = 10, Input = LikelihoodInput.Raw, Output = output });
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(0.0, likelihood.Score(i));
            Assert.Equal(i == 2, likelihood.IsWarm);
        }

        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], likelihood.Score(3 + i), 12);
        }
    }

    [Fact]
    public void Score_InnerWarmUpAndLearningPeriod_AddToWarmUp()
    {
        var likelihood = new AnomalyLikelihood(
            new ScriptedDetector(Enumerable.Repeat(0.5, 100).ToArray(), warmUp: 10),
            new AnomalyLikelihoodOptions { LearningPeriod = 5, EstimationSamples = 20 });
        var warmAt = -1;
        for (var i = 0; i < 100 && warmAt < 0; i++)
        {
            likelihood.Score(i);
            warmAt = likelihood.IsWarm ? i + 1 : -1;
        }

        Assert.Equal(10 + 5 + 20, warmAt);
    }

    [Fact]
    public void Score_SurprisalInput_SeesASingleTinyPValueThatRawAveragingHides()
    {
        // A p-value detector's scores are uniform under the null; one score of 1 − 1e-8 moves a 10-point
        // average by at most 0.1 (z ≈ 1), but its surprisal (18.4 against an Exp(1) background) stands out.
        var series = new TestSeries(41);
        var script = Enumerable.Range(0, 600).Select(i => i == 500 ? 1 - 1e-8 : series.Uniform()).ToArray();
        var raw = TestSeries.Run(new AnomalyLikelihood(new ScriptedDetector(script), new AnomalyLikelihoodOptions { Input = LikelihoodInput.Raw }), script);
        var surprisal = TestSeries.Run(
            new AnomalyLikelihood(new ScriptedDetector(script), new AnomalyLikelihoodOptions { Input = LikelihoodInput.Surprisal }),
            script);
        Assert.True(raw[500] < 0.99);
        Assert.True(surprisal[500] > 0.9999);
    }

    [Fact]
    public void Name_DescribesTheVariant()
    {
        var inner = new ScriptedDetector([]);
        Assert.Equal("scripted+likelihood", new AnomalyLikelihood(inner).Name);
        Assert.Equal(
            "scripted+raw-log-likelihood",
            new AnomalyLikelihood(inner, new AnomalyLikelihoodOptions { Input = LikelihoodInput.Raw, Output = LikelihoodOutput.LogLikelihood }).Name);
    }
}
