using NetGuard.Detection.Detectors;

namespace NetGuard.Detection.Tests.Detectors;

public class DetectorCatalogTests
{
    [Fact]
    public void Create_EveryNameAndSuffix_GivesADetectorOfThatName()
    {
        foreach (var name in DetectorCatalog.Names)
        {
            Assert.Equal(name, DetectorCatalog.Create(name).Name);
            foreach (var suffix in DetectorCatalog.LikelihoodSuffixes)
            {
                var detector = DetectorCatalog.Create(name + suffix);
                Assert.IsType<AnomalyLikelihood>(detector);
                Assert.Equal(name + suffix, detector.Name);
            }
        }
    }

    [Fact]
    public void Create_UnknownName_ThrowsNamingTheKnownOnes()
    {
        Assert.False(DetectorCatalog.TryCreate("nope+likelihood", out _));
        var e = Assert.Throws<ArgumentException>(() => DetectorCatalog.Create("nope"));
        Assert.Contains("iid-spike", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PublicSurface_DetectorsArePublicSealedHelpersInternal()
    {
        foreach (var type in new[] { typeof(IidSpikeDetector), typeof(IidChangePointDetector), typeof(SsaSpikeDetector), typeof(SsaChangePointDetector), typeof(CusumDetector), typeof(RobustZDetector), typeof(AnomalyLikelihood), typeof(CompositeDetector), typeof(RankSpikeDetector), typeof(KnnConformalDetector), typeof(RangeNoveltyDetector), typeof(EnsembleDetector) })
        {
            Assert.True(type.IsPublic && type.IsSealed, type.Name);
        }

        foreach (var type in new[] { typeof(KernelPValue), typeof(SlidingMartingale), typeof(SsaFitter), typeof(SsaForecaster), typeof(RobustStandardizer) })
        {
            Assert.False(type.IsPublic, type.Name);
        }
    }
}
