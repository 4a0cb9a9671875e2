using NetGuard.Detection.Detectors;

namespace NetGuard.Detection.Tests.Detectors;

public class EnsembleDetectorTests
{
    [Fact]
    public void Score_AfterAnAlarm_ZeroForAFractionOfTheValuesSeen()
    {
        // R = clamp(0.5·seen, 1, 3): alarm at the 2nd value → 1 quiet value, at the 4th → 2, at the 8th → 3.
        var member = new ScriptedDetector([0.2, 0.7, 0.9, 0.9, 0.9, 0.9, 0.1, 0.8, 0.9, 0.9, 0.9, 0.9]);
        var ensemble = new EnsembleDetector(
            [new EnsembleMember(member, Calibrated: false)],
            new EnsembleOptions { RefractoryFraction = 0.5, MinRefractory = 1, MaxRefractory = 3 });
        var scores = new List<double>();
        for (var i = 0; i < 12; i++)
        {
            // A NaN scores 0 and neither counts as a value seen nor uses up the refractory period.
            Assert.Equal(0.0, ensemble.Score(double.NaN));
            scores.Add(ensemble.Score(i));
        }

        Assert.Equal([0.2, 0.7, 0, 0.9, 0, 0, 0.1, 0.8, 0, 0, 0, 0.9], scores);
    }

    [Fact]
    public void Score_CalibratedMember_IsWeightedDecadesOfItsLikelihoodTail()
    {
        // The same script through a stand-alone AnomalyLikelihood with the ensemble's settings gives the tail q;
        // the ensemble reports E/(E + 5) with E = 0.6·(−log10 q).
        var script = Enumerable.Range(0, 600).Select(i => i is 300 or 500 ? 1 - 1e-12 : 0.5 + (0.4 * Math.Sin(i))).ToArray();
        var options = new EnsembleOptions { LikelihoodHistory = 300, EstimationSamples = 50, MaxRefractory = 0 };
        var ensemble = new EnsembleDetector([new EnsembleMember(new ScriptedDetector(script), 0.6, 4)], options);
        var reference = new AnomalyLikelihood(new ScriptedDetector(script), new AnomalyLikelihoodOptions
        {
            AveragingWindow = 4,
            EstimationSamples = 50,
            HistoryLength = 300,
            FilterRepeatedRed = false,
        });

        var alarms = 0;
        for (var i = 0; i < script.Length; i++)
        {
            var q = 1 - reference.Score(i);
            var score = ensemble.Score(i);
            if (q > 1e-12)
            {
                var e = 0.6 * -Math.Log10(q);
                Assert.Equal(e / (e + 5), score, 6);
            }
            else
            {
                // 1 − likelihood no longer resolves the tail; at least 12 decades · 0.6 → at least 7.2/12.2.
                Assert.True(score >= 7.2 / 12.2, $"{score} at {i}");
            }

            alarms += score >= 0.5 ? 1 : 0;
        }

        // Each of the two spikes raises the alarm for the 4 values it stays in the average (the refractory period
        // is off), and nothing else does.
        Assert.Equal(8, alarms);
    }

    [Fact]
    public void Score_SpikeInASeasonalSeries_OneAlarmThenQuiet()
    {
        var series = new TestSeries(31).Seasonal(3000, 50, 3, 0.5, 20);
        series[2000] += 8;
        var scores = TestSeries.Run(EnsembleDetector.Lite(), series);

        Assert.True(scores[2000] >= 0.5, $"spike scored {scores[2000]}");
        Assert.Equal(0, scores[500..2000].Count(s => s >= 0.5));

        // The refractory period after it: 0.03 of the 2001 values seen, 60 values.
        Assert.All(scores[2001..2061], s => Assert.Equal(0.0, s));
    }

    [Fact]
    public void Score_UnseenShape_TheDefaultAlarmsWhereTheLiteCannot()
    {
        // A daily-like cycle with one cycle damped to 30%: no value is unusual, the shape is.
        var noise = new TestSeries(33);
        var series = Enumerable.Range(0, 3000).Select(i => 10 + Math.Sin(2 * Math.PI * i / 50) + (0.05 * noise.Gaussian())).ToArray();
        for (var i = 2000; i < 2050; i++)
        {
            series[i] = 10 + (0.3 * (series[i] - 10));
        }

        var full = TestSeries.Run(EnsembleDetector.Default(), series);
        var lite = TestSeries.Run(EnsembleDetector.Lite(), series);
        Assert.True(full[2000..2060].Max() >= 0.5, $"default {full[2000..2060].Max()}");
        Assert.True(lite[2000..2060].Max() < 0.5, $"lite {lite[2000..2060].Max()}");

        // Not zero false alarms on the clean cycles: consecutive lag vectors share all but one value, so the KNN
        // p-values drift slowly and a 20-value average of their surprisal has heavier tails than the likelihood
        // layer's Gaussian assumes (ALGORITHMS.md, limitations). The lite ensemble raises none.
        Assert.InRange(full[500..2000].Count(s => s >= 0.5), 0, 8);
        Assert.Equal(0, lite[500..2000].Count(s => s >= 0.5));
    }

    [Fact]
    public void Constructor_BadArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new EnsembleDetector([]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EnsembleDetector([new EnsembleMember(new RangeNoveltyDetector(), Weight: 0)]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EnsembleDetector(
            [new EnsembleMember(new RangeNoveltyDetector())], new EnsembleOptions { MinRefractory = 10, MaxRefractory = 5 }));
    }
}
