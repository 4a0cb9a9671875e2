using NetGuard.Evaluation.Detectors;

namespace NetGuard.Evaluation.Tests.Detectors;

public class DetectorRegistryTests
{
    [Fact]
    public void All_EveryFactory_ReturnsAFreshDetectorEachCall()
    {
        foreach (var (name, factory) in DetectorRegistry.All)
        {
            var a = factory();
            var b = factory();
            Assert.NotSame(a, b);
            Assert.False(a.IsWarm, name);
            Assert.False(string.IsNullOrWhiteSpace(a.Name), name);
        }
    }

    [Fact]
    public void All_ContainsTheBaseline() => Assert.Contains("windowed-gaussian", DetectorRegistry.All.Keys);
}
