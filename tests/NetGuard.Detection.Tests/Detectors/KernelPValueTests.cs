using NetGuard.Detection.Detectors;

namespace NetGuard.Detection.Tests.Detectors;

public class KernelPValueTests
{
    // History {1, 2, 3, 4, 10}: bandwidth = population sd = √10. Expected tails from scipy:
    // numpy.mean(stats.norm.sf((x − h)/h.std())) and the same with norm.cdf (see ALGORITHMS.md).
    [Theory]
    [InlineData(6.0, 0.2983717266020108, 0.7016282733979893, 0.5967434532040216)]
    [InlineData(0.0, 0.8170830784950629, 0.18291692150493696, 0.3658338430098739)]
    [InlineData(3.0, 0.5500232561358013, 0.4499767438641986, 0.8999534877283972)]
    public void Tails_WorkedExample_MatchScipy(double x, double upper, double lower, double twoSided)
    {
        var kde = Filled(1, 2, 3, 4, 10);
        Assert.Equal(Math.Sqrt(10), kde.Bandwidth, 14);
        kde.Tails(x, out var up, out var down);
        Assert.Equal(upper, up, 14);
        Assert.Equal(lower, down, 14);
        Assert.Equal(upper, kde.PValue(x, AnomalySide.Upward), 14);
        Assert.Equal(lower, kde.PValue(x, AnomalySide.Downward), 14);
        Assert.Equal(twoSided, kde.PValue(x, AnomalySide.TwoSided), 14);
    }

    [Fact]
    public void PValue_FarOutside_IsClampedAtMinimumNotZero()
    {
        // scipy gives 3.6e-179 for x = 100: far below the clamp.
        var kde = Filled(1, 2, 3, 4, 10);
        Assert.Equal(KernelPValue.MinPValue, kde.PValue(100, AnomalySide.Upward));
        Assert.Equal(1.0, kde.PValue(100, AnomalySide.Downward), 15);
        Assert.Equal(KernelPValue.MinPValue, kde.PValue(100, AnomalySide.TwoSided));
    }

    [Fact]
    public void PValue_AllEqualHistory_SameValueIsOneAndAnyOtherIsMinimal()
    {
        var kde = Filled(5, 5, 5, 5);
        Assert.Equal(1.0, kde.PValue(5, AnomalySide.TwoSided));
        Assert.Equal(KernelPValue.MinPValue, kde.PValue(5.001, AnomalySide.TwoSided));
    }

    [Fact]
    public void Tails_EmptyAndSingle_FollowMlNetConventions()
    {
        var kde = new KernelPValue(3);
        kde.Tails(42, out var up, out var down);
        Assert.Equal((0.5, 0.5), (up, down));
        kde.Add(0);
        Assert.Equal(1.0, kde.Bandwidth);
        kde.Tails(1, out up, out _);
        Assert.Equal(0.15865525393145707, up, 15);
    }

    private static KernelPValue Filled(params double[] values)
    {
        var kde = new KernelPValue(values.Length);
        foreach (var v in values)
        {
            kde.Add(v);
        }

        return kde;
    }
}
