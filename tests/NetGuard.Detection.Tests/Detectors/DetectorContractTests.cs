using NetGuard.Detection.Detectors;

namespace NetGuard.Detection.Tests.Detectors;

/// <summary>
/// The <see cref="IStreamingDetector"/> contract, checked for every detector (small windows, for speed):
/// scores in [0, 1] whatever the input, 0 while warming up, NaN skipped, deterministic, constant series
/// quiet, and no allocation per value once warm (state does not grow with the series).
/// </summary>
public class DetectorContractTests
{
    private static readonly SsaModelOptions SmallSsa = new() { WindowLength = 12, TrainingLength = 60 };
    private static readonly KnnConformalOptions SmallKnn = new() { Dimension = 5, TrainingLength = 60, CalibrationLength = 50, MinCalibration = 10 };

    private static readonly Dictionary<string, Func<IStreamingDetector>> Factories = new(StringComparer.Ordinal)
    {
        ["iid-spike"] = () => new IidSpikeDetector(new IidSpikeOptions { HistoryLength = 50 }),
        ["iid-spike-up"] = () => new IidSpikeDetector(new IidSpikeOptions { HistoryLength = 50, Side = AnomalySide.Upward }),
        ["iid-changepoint"] = () => new IidChangePointDetector(new IidChangePointOptions { HistoryLength = 50, Martingale = new MartingaleOptions { Window = 10 } }),
        ["iid-changepoint-mixture"] = () => new IidChangePointDetector(new IidChangePointOptions
        {
            HistoryLength = 50,
            Martingale = new MartingaleOptions { Window = 10, Kind = MartingaleKind.Mixture, ScoreMapping = MartingaleScoreMapping.LogScaled },
        }),
        ["ssa-spike"] = () => new SsaSpikeDetector(new SsaSpikeOptions { Model = SmallSsa, HistoryLength = 30 }),
        ["ssa-changepoint"] = () => new SsaChangePointDetector(new SsaChangePointOptions { Model = SmallSsa, HistoryLength = 30, Martingale = new MartingaleOptions { Window = 10 } }),
        ["cusum"] = () => new CusumDetector(new CusumOptions { WindowLength = 30 }),
        ["cusum-log1p"] = () => new CusumDetector(new CusumOptions { WindowLength = 30, Transform = ValueTransform.Log1p }),
        ["robust-z"] = () => new RobustZDetector(new RobustZOptions { WindowLength = 30 }),
        ["robust-z-raw"] = () => new RobustZDetector(new RobustZOptions { WindowLength = 30, Transform = ValueTransform.None }),
        ["likelihood"] = () => new AnomalyLikelihood(
            new IidSpikeDetector(new IidSpikeOptions { HistoryLength = 50 }),
            new AnomalyLikelihoodOptions { EstimationSamples = 30, HistoryLength = 100 }),
        ["surprisal-log-likelihood"] = () => new AnomalyLikelihood(
            new SsaSpikeDetector(new SsaSpikeOptions { Model = SmallSsa, HistoryLength = 30 }),
            new AnomalyLikelihoodOptions { EstimationSamples = 30, HistoryLength = 100, Input = LikelihoodInput.Surprisal, Output = LikelihoodOutput.LogLikelihood }),
        ["rank-spike"] = () => new RankSpikeDetector(new RankSpikeOptions { HistoryLength = 200, MinHistory = 20 }),
        ["rank-spike-down"] = () => new RankSpikeDetector(new RankSpikeOptions { HistoryLength = 200, MinHistory = 20, Side = AnomalySide.Downward }),
        ["knn-cad"] = () => new KnnConformalDetector(SmallKnn),
        ["knn-cad-diff"] = () => new KnnConformalDetector(SmallKnn with { Differencing = true, Neighbours = 1 }),
        ["range-novelty"] = () => new RangeNoveltyDetector(),
        ["ensemble"] = () => new EnsembleDetector(
            [
                new EnsembleMember(new RankSpikeDetector(new RankSpikeOptions { HistoryLength = 200, MinHistory = 20 })),
                new EnsembleMember(new KnnConformalDetector(SmallKnn), 0.6, 20),
                new EnsembleMember(new KnnConformalDetector(SmallKnn with { Differencing = true }), 0.6, 20),
                new EnsembleMember(new RangeNoveltyDetector(), Calibrated: false),
            ],
            new EnsembleOptions { LikelihoodHistory = 200, EstimationSamples = 30 }),
        ["ensemble-lite"] = () => EnsembleDetector.Lite(),
        ["composite"] = () => new CompositeDetector(
            new IidSpikeDetector(new IidSpikeOptions { HistoryLength = 50 }),
            new CusumDetector(new CusumOptions { WindowLength = 30 })),
    };

    public static TheoryData<string> Names => [.. Factories.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void Score_AdversarialInput_AlwaysFiniteInUnitInterval(string name)
    {
        var detector = Factories[name]();
        foreach (var value in Adversarial())
        {
            var score = detector.Score(value);
            Assert.True(score is >= 0 and <= 1, $"{name}: {score} for input {value}");
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Score_ConstantSeries_NeverAlarms(string name)
    {
        foreach (var constant in new[] { 0.0, 7.0, -3.5, 1e9, 1e-300 })
        {
            var detector = Factories[name]();
            for (var i = 0; i < 1500; i++)
            {
                var score = detector.Score(constant);
                // 0.5 is the centre of a one-sided p-value score (p = 1/2 for a value equal to all history).
                Assert.True(score <= 0.5, $"{name}: {score} at {i} on constant {constant}");
            }

            Assert.True(detector.IsWarm);
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Score_SameInput_SameScores(string name)
    {
        var series = Mixed(17);
        Assert.Equal(TestSeries.Run(Factories[name](), series), TestSeries.Run(Factories[name](), series));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Score_NaNInput_ScoresZeroAndLeavesStateUntouched(string name)
    {
        var series = Mixed(18);
        var expected = TestSeries.Run(Factories[name](), series);
        var detector = Factories[name]();
        for (var i = 0; i < series.Length; i++)
        {
            if (i % 7 == 0)
            {
                Assert.Equal(0.0, detector.Score(double.NaN));
            }

            Assert.Equal(expected[i], detector.Score(series[i]));
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Score_WhileNotWarm_IsZeroAndWarmthIsPermanent(string name)
    {
        var detector = Factories[name]();
        var wasWarm = false;
        foreach (var value in Mixed(19))
        {
            var score = detector.Score(value);
            if (!detector.IsWarm)
            {
                Assert.False(wasWarm, $"{name} went cold again");
                Assert.Equal(0.0, score);
            }

            wasWarm = detector.IsWarm;
        }

        Assert.True(wasWarm, $"{name} never warmed up");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Score_OnceWarm_AllocatesNothingPerValue(string name)
    {
        // No allocation while scoring 20,000 more values means the state cannot grow with the series.
        var detector = Factories[name]();
        var series = Mixed(20);
        foreach (var value in series)
        {
            detector.Score(value);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var round = 0; round < 10; round++)
        {
            foreach (var value in series)
            {
                detector.Score(value);
            }
        }

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1024, $"{name} allocated while scoring");
    }

    // Noise with level steps, spikes and a quiet stretch: every code path of every detector.
    private static double[] Mixed(ulong seed)
    {
        var series = new TestSeries(seed).Seasonal(2000, 12, 3, 1, 50);
        for (var i = 0; i < series.Length; i++)
        {
            series[i] += i switch
            {
                >= 700 and < 1100 => 20,
                >= 1300 and < 1400 => -series[i] + 42,
                _ => 0,
            };
        }

        series[500] += 100;
        series[1600] -= 100;
        return series;
    }

    private static IEnumerable<double> Adversarial()
    {
        var noise = new TestSeries(99);
        for (var i = 0; i < 300; i++)
        {
            yield return noise.Gaussian();
        }

        foreach (var v in new[] { double.NaN, double.PositiveInfinity, double.NegativeInfinity, 1e300, -1e300, double.Epsilon, double.MaxValue, -double.MaxValue, 0.0, -0.0 })
        {
            for (var k = 0; k < 3; k++)
            {
                yield return v;
            }
        }

        for (var i = 0; i < 300; i++)
        {
            yield return 0;
        }

        for (var i = 0; i < 300; i++)
        {
            yield return i % 2 == 0 ? 1e6 : -1e6;
        }

        for (var i = 0; i < 300; i++)
        {
            yield return i % 2 == 0 ? double.MaxValue : -double.MaxValue;
        }

        for (var i = 0; i < 300; i++)
        {
            yield return i % 3 == 0 ? double.PositiveInfinity : noise.Gaussian();
        }

        for (var i = 0; i < 300; i++)
        {
            yield return 1e-300 * noise.Gaussian();
        }

        for (var i = 0; i < 300; i++)
        {
            yield return noise.Gaussian();
        }
    }
}
