using NetGuard.Evaluation.Nab;

namespace NetGuard.Evaluation.Tests.Nab;

/// <summary>
/// One file of 100 rows (probationary period 15 rows) with one window on rows 40–59 (width 20),
/// detections at known rows, expected scores worked out by hand.
/// </summary>
public class NabWorkedExampleTests
{
    private const int Rows = 100;
    private const double Exact = 1e-15;
    private const double SigmoidLeftEdge = 0.9866142981514305;   // σ(−1)
    private const double SigmoidHalfway = 0.8482836399575131;    // σ(−0.5)
    private const double SigmoidLastRow = 0.12435300177159614;   // σ(−1/20)
    private const double SigmoidElevenPast = -0.895171292277083; // σ(11/19)

    private static readonly NabFileLayout _layout = NabFileLayout.Create(Rows, [new NabWindow(40, 59)]);

    [Fact]
    public void Layout_OneWindow_MarksProbationWindowAndOutsideRows()
    {
        Assert.Equal(15, _layout.ProbationaryLength);
        Assert.Equal(NabFileLayout.Probationary, _layout.WindowOf(14));
        Assert.Equal(NabFileLayout.Outside, _layout.WindowOf(15));
        Assert.Equal(0, _layout.WindowOf(40));
        Assert.Equal(0, _layout.WindowOf(59));
        Assert.Equal(NabFileLayout.Outside, _layout.WindowOf(60));
    }

    [Fact]
    public void ScoreFile_DetectionOnWindowStart_ScoresExactlyATp() =>
        Assert.Equal(1.0, Score(NabProfile.Standard, 40), Exact);

    [Fact]
    public void ScoreFile_DetectionHalfwayIntoWindow_ScoresSigmoidOfMinusHalfOverSigmoidOfMinusOne()
    {
        // position −(59 − 50 + 1)/20 = −0.5
        Assert.Equal(0.8597925669097837, Score(NabProfile.Standard, 50), Exact);
        Assert.Equal(SigmoidHalfway / SigmoidLeftEdge, Score(NabProfile.Standard, 50), Exact);
    }

    [Fact]
    public void ScoreFile_DetectionOnWindowsLastRow_ScoresSigmoidOfMinusOneTwentieth() =>
        Assert.Equal(SigmoidLastRow / SigmoidLeftEdge, Score(NabProfile.Standard, 59), Exact);

    [Fact]
    public void ScoreFile_SeveralDetectionsInWindow_OnlyTheEarliestCounts()
    {
        Assert.Equal(0.8597925669097837, Score(NabProfile.Standard, 50, 55, 59), Exact);
        var result = NabScorer.ScoreFile("f", _layout, Scores(50, 55, 59), 0.5, NabProfile.Standard);
        Assert.Equal((1, 0, 0), (result.WindowsDetected, result.WindowsMissed, result.FalsePositives));
    }

    [Fact]
    public void ScoreFile_FalsePositiveAfterWindow_IsWeightedByDistanceOverWidthMinusOne()
    {
        // missed window −1, plus σ(|59 − 70|/(20 − 1))·0.11
        Assert.Equal(-1 + (SigmoidElevenPast * 0.11), Score(NabProfile.Standard, 70), Exact);
        Assert.Equal(-1 + (SigmoidElevenPast * 0.22), Score(NabProfile.RewardLowFpRate, 70), Exact);
    }

    [Fact]
    public void ScoreFile_FalsePositiveBeforeAnyWindow_CostsAFp()
    {
        Assert.Equal(-1.11, Score(NabProfile.Standard, 20), Exact);
        Assert.Equal(-1.22, Score(NabProfile.RewardLowFpRate, 20), Exact);
    }

    [Fact]
    public void ScoreFile_DetectionInProbationaryPeriod_IsIgnored() =>
        Assert.Equal(-1.0, Score(NabProfile.Standard, 10), Exact);

    [Fact]
    public void ScoreFile_MissedWindow_CostsAFnOfTheProfile()
    {
        Assert.Equal(-1.0, Score(NabProfile.Standard), Exact);
        Assert.Equal(-2.0, Score(NabProfile.RewardLowFnRate), Exact);
    }

    [Fact]
    public void ScoreFile_FalsePositivesFarPastWindow_ClipAtMinusOneBeyondThreeWidths()
    {
        var layout = NabFileLayout.Create(200, [new NabWindow(40, 59)]);
        var atThree = new double[200];
        atThree[40] = 1;
        atThree[116] = 1;   // (116 − 59)/19 = 3 exactly: σ(3)
        var beyond = new double[200];
        beyond[40] = 1;
        beyond[117] = 1;    // 58/19 > 3: −1
        Assert.Equal(1 + (-0.9999993881955461 * 0.11), NabScorer.ScoreFile("f", layout, atThree, 1, NabProfile.Standard).Raw, Exact);
        Assert.Equal(1 - 0.11, NabScorer.ScoreFile("f", layout, beyond, 1, NabProfile.Standard).Raw, Exact);
    }

    [Fact]
    public void Evaluate_OneFileDetectedHalfway_NormalisesAgainstNullAndPerfect()
    {
        var results = NabBenchmark.Evaluate(["f"], [_layout], [Scores(50)], NabProfile.Published, labelledWindows: 1);

        var standard = results[0];
        Assert.Equal(1.0, standard.Threshold);
        Assert.Equal(-1.0, standard.Null);
        Assert.Equal(1.0, standard.Perfect);
        Assert.Equal(100 * (0.8597925669097837 + 1) / 2, standard.Normalized, 1e-12);
        var lowFn = results[2];
        Assert.Equal(-2.0, lowFn.Null);
        Assert.Equal(100 * (0.8597925669097837 + 2) / 3, lowFn.Normalized, 1e-12);
    }

    [Fact]
    public void Create_OverlappingOrOneRowWindows_Throw()
    {
        Assert.Throws<ArgumentException>(() => NabFileLayout.Create(100, [new NabWindow(20, 40), new NabWindow(40, 50)]));
        Assert.Throws<ArgumentException>(() => NabFileLayout.Create(100, [new NabWindow(20, 20)]));
        Assert.Throws<ArgumentException>(() => NabFileLayout.Create(100, [new NabWindow(90, 100)]));
    }

    private static double Score(NabProfile profile, params int[] detections) =>
        NabScorer.ScoreFile("f", _layout, Scores(detections), 0.5, profile).Raw;

    private static double[] Scores(params int[] detections)
    {
        var scores = new double[Rows];
        foreach (var i in detections)
        {
            scores[i] = 1;
        }

        return scores;
    }
}
