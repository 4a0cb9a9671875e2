using NetGuard.Detection.Detectors;

namespace NetGuard.Detection.Tests;

public class InterfaceTests
{
    [Fact]
    public void IStreamingDetector_IsPublicForTheEvaluationHarness() => Assert.True(typeof(IStreamingDetector).IsPublic);
}
