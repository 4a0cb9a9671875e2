using NetGuard.Detection.Detectors;

namespace NetGuard.Detection.Tests.Detectors;

public class RangeNoveltyDetectorTests
{
    [Fact]
    public void Score_OutsideTheRangeWidenedByTolerance_IsOne()
    {
        var detector = new RangeNoveltyDetector(new RangeNoveltyOptions { MinHistory = 1 });
        Assert.Equal(0.0, detector.Score(0));
        Assert.Equal(0.0, detector.Score(10));   // the first range [0, 0] is a point: nothing to exceed
        Assert.Equal(0.0, detector.Score(10.4)); // margin 0.05·10 = 0.5: within [−0.5, 10.5]; the range becomes [0, 10.4]
        Assert.Equal(1.0, detector.Score(11));   // margin 0.52: beyond 10.92; the range becomes [0, 11]
        Assert.Equal(0.0, detector.Score(11.5)); // margin 0.55: limit 11.55
        Assert.Equal(1.0, detector.Score(-0.6)); // range [0, 11.5], margin 0.575: below −0.575
        Assert.Equal(0.0, detector.Score(5));
    }

    [Fact]
    public void Score_WhileWarmingUp_IsZero()
    {
        var detector = new RangeNoveltyDetector(new RangeNoveltyOptions { MinHistory = 3 });
        Assert.Equal([0.0, 0.0, 0.0, 1.0], [detector.Score(0), detector.Score(1), detector.Score(100), detector.Score(1000)]);
    }

    [Fact]
    public void Constructor_NegativeTolerance_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RangeNoveltyDetector(new RangeNoveltyOptions { Tolerance = -0.1 }));
}
