using NetGuard.Detection.Numerics;

namespace NetGuard.Detection.Tests.Numerics;

public class SpecialFunctionsTests
{
    // Reference values: scipy 1.10.1 special.erfc (Debian python3-scipy), printed with repr().
    [Theory]
    [InlineData(-3.0, 1.9999779095030015)]
    [InlineData(-1.0, 1.8427007929497148)]
    [InlineData(-0.3, 1.3286267594591274)]
    [InlineData(0.0, 1.0)]
    [InlineData(1e-20, 1.0)]
    [InlineData(0.2, 0.7772974107895215)]
    [InlineData(0.46875, 0.507386526782062)]
    [InlineData(0.5, 0.4795001221869535)]
    [InlineData(1.0, 0.15729920705028516)]
    [InlineData(2.0, 0.004677734981047266)]
    [InlineData(3.9, 3.479224859723178e-08)]
    [InlineData(4.0, 1.541725790028002e-08)]
    [InlineData(4.1, 6.7000276540849075e-09)]
    [InlineData(6.0, 2.1519736712498913e-17)]
    [InlineData(10.0, 2.0884875837625446e-45)]
    [InlineData(26.0, 5.663192408856145e-296)]
    [InlineData(27.0, 0.0)]
    public void Erfc_MatchesScipyToRelativePrecision(double x, double expected)
    {
        var actual = SpecialFunctions.Erfc(x);
        if (expected == 0)
        {
            Assert.Equal(0.0, actual);
        }
        else
        {
            Assert.True(Math.Abs(actual - expected) <= 1e-14 * expected, $"erfc({x}) = {actual:R}, expected {expected:R}");
        }
    }

    // Reference values: scipy.stats.norm.sf.
    [Theory]
    [InlineData(0.0, 0.5)]
    [InlineData(1.0, 0.15865525393145707)]
    [InlineData(1.6448536269514722, 0.050000000000000044)]
    [InlineData(3.0, 0.0013498980316300933)]
    [InlineData(5.0, 2.866515718791933e-07)]
    [InlineData(8.0, 6.22096057427174e-16)]
    [InlineData(-2.0, 0.9772498680518208)]
    public void NormalUpperTail_MatchesScipy(double z, double expected) =>
        Assert.True(Math.Abs(SpecialFunctions.NormalUpperTail(z) - expected) <= 1e-14 * expected);

    [Fact]
    public void Erfc_NonFinite_AreLimitsOrNaN()
    {
        Assert.Equal(0.0, SpecialFunctions.Erfc(double.PositiveInfinity));
        Assert.Equal(2.0, SpecialFunctions.Erfc(double.NegativeInfinity));
        Assert.True(double.IsNaN(SpecialFunctions.Erfc(double.NaN)));
    }
}
