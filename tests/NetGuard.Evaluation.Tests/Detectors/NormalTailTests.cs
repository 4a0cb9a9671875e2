using NetGuard.Evaluation.Detectors;

namespace NetGuard.Evaluation.Tests.Detectors;

public class NormalTailTests
{
    [Theory]
    // Reference values: 0.5·erfc(x/√2) from Python's math.erfc.
    [InlineData(0.0, 0.5)]
    [InlineData(1.0, 0.15865525393145707)]
    [InlineData(3.0, 0.0013498980316300957)]
    [InlineData(6.0, 9.865876450377012e-10)]
    [InlineData(8.0, 6.220960574271819e-16)]
    [InlineData(10.0, 7.619853024160593e-24)]
    public void Upper_KnownPoints_MatchErfcToEightDigitsAndFifteenDecimals(double x, double expected)
    {
        Assert.Equal(expected, NormalTail.Upper(x), Math.Max(expected * 1e-8, 1e-15));
        Assert.Equal(1 - expected, NormalTail.Upper(-x), 1e-15);
    }

    [Fact]
    public void Upper_Extremes_AreZeroAndOne()
    {
        Assert.Equal(0.0, NormalTail.Upper(40));
        Assert.Equal(1.0, NormalTail.Upper(-40));
        Assert.Equal(0.0, NormalTail.Upper(double.PositiveInfinity));
    }
}
