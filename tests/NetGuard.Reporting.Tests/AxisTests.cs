using NetGuard.Reporting.Rendering;

namespace NetGuard.Reporting.Tests;

public class AxisTests
{
    private const long Start = 1_700_000_000; // 2023-11-14 22:13:20 UTC

    [Fact]
    public void TimeAxis_MapsTheCaptureOntoThePlot()
    {
        var axis = new TimeAxis(Start, Start + 40, 76, 944);
        Assert.Equal(76, axis.X(Start));
        Assert.Equal(944, axis.X(Start + 40));
        Assert.Equal(76 + (868 * 35 / 40.0), axis.X(Start + 35), 6);
    }

    [Theory]
    [InlineData(40, 5, "22:13:20")]
    [InlineData(3600, 600, "22:20")]
    [InlineData(7 * 86400, 86400, "11-15")]
    [InlineData(1, 1, "22:13:20")]
    public void TimeAxis_Ticks_OnRoundTimesInsideTheAxis(long span, long step, string firstLabel)
    {
        var axis = new TimeAxis(Start, Start + span, 0, 100);
        var ticks = axis.Ticks(8);

        Assert.InRange(ticks.Count, 1, 9);
        Assert.All(ticks, t => Assert.InRange(t.Second, Start, Start + span));
        Assert.All(ticks, t => Assert.Equal(0, t.Second % step));
        Assert.Equal(firstLabel, ticks[0].Label);
    }

    [Fact]
    public void TimeAxis_Title_NamesTheUtcDate() =>
        Assert.Equal("time (UTC, 2023-11-14)", new TimeAxis(Start, Start + 60, 0, 1).Title());

    [Theory]
    [InlineData(1234, 1500, new[] { "0", "500", "1k", "1.5k" })]
    [InlineData(0, 1, new[] { "0", "0.2", "0.4", "0.6", "0.8", "1" })]
    [InlineData(37, 40, new[] { "0", "10", "20", "30", "40" })]
    public void LinearAxis_NiceTicksFromZeroToAtLeastTheLargest(double largest, double top, string[] labels)
    {
        var axis = new LinearAxis(largest, 200, 10, v => Units.Si(v));
        Assert.Equal(labels, axis.Ticks.Select(t => t.Label));
        Assert.Equal(top, axis.Ticks[^1].Value, 9);
        Assert.Equal(200, axis.Y(0));
        Assert.Equal(10, axis.Y(top));
    }

    [Fact]
    public void Log1pAxis_ThresholdsAndFloodsOnOneScale()
    {
        var axis = new Log1pAxis(495, 150, 10);
        Assert.Equal(["0", "1", "3", "10", "30", "100", "300", "1k"], axis.Ticks.Select(t => t.Label));
        Assert.Equal(150, axis.Y(0));
        Assert.Equal(10, axis.Y(1000), 9);
        Assert.True(axis.Y(6) < axis.Y(3) - 10, "thresholds 3σ and 6σ are apart");
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(950, "950")]
    [InlineData(1234, "1.23k")]
    [InlineData(34_500_000, "34.5M")]
    [InlineData(0.25, "0.25")]
    public void Si_ThreeSignificantDigits(double value, string expected) => Assert.Equal(expected, Units.Si(value));

    [Fact]
    public void Si_WithUnit() => Assert.Equal("1.2 MB", Units.Si(1_200_000, "B"));
}
