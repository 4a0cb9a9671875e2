using NetGuard.Detection.Detectors;

namespace NetGuard.Detection.Tests.Detectors;

public class CompositeDetectorTests
{
    [Fact]
    public void Score_IsTheLargestPartScore()
    {
        var composite = new CompositeDetector(new ScriptedDetector([0.1, 0.9, 0.3]), new ScriptedDetector([0.5, 0.2, 0.4], warmUp: 1));
        Assert.Equal("max(scripted,scripted)", composite.Name);
        Assert.True(composite.IsWarm);
        Assert.Equal([0.1, 0.9, 0.4], [composite.Score(1), composite.Score(2), composite.Score(3)]);
    }

    [Fact]
    public void Constructor_NoParts_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => new CompositeDetector());
}
