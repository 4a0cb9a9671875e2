using NetGuard.Evaluation.Nab;

namespace NetGuard.Evaluation.Tests.Nab;

/// <summary>The scaled sigmoid and probationary period against values computed by hand (Python, math.exp).</summary>
public class NabScoringTests
{
    private const double Exact = 1e-15;

    [Theory]
    [InlineData(-1.0, 0.9866142981514305)]   // a window's left edge: 2/(1+e^-5) − 1
    [InlineData(-0.5, 0.8482836399575131)]   // half-way: 2/(1+e^-2.5) − 1
    [InlineData(0.0, 0.0)]                   // the right edge
    [InlineData(-0.05, 0.12435300177159614)] // the last row of a 20-row window
    [InlineData(1.0, -0.9866142981514305)]   // one width past the window
    [InlineData(3.0, -0.9999993881955461)]   // exactly 3 is not yet clipped
    [InlineData(3.0000001, -1.0)]            // beyond 3 it is −1 exactly
    [InlineData(50.0, -1.0)]
    public void ScaledSigmoid_KnownPositions_MatchHandComputedValues(double position, double expected) =>
        Assert.Equal(expected, NabScoring.ScaledSigmoid(position), Exact);

    [Fact]
    public void ScaledSigmoid_IsTwoOverOnePlusExpFiveYMinusOne()
    {
        for (var y = -3.0; y <= 3.0; y += 0.125)
        {
            Assert.Equal((2 / (1 + Math.Exp(5 * y))) - 1, NabScoring.ScaledSigmoid(y), 1e-14);
        }
    }

    [Theory]
    [InlineData(100, 15)]
    [InlineData(1126, 168)]   // the shortest NAB file
    [InlineData(4000, 600)]   // 0.15·4000 rounds to exactly 600 in double, as in Python
    [InlineData(5000, 750)]
    [InlineData(5001, 750)]
    [InlineData(22695, 750)]  // the longest NAB file: capped
    public void ProbationaryLength_IsFifteenPercentFlooredAndCappedAt750(int rows, int expected) =>
        Assert.Equal(expected, NabScoring.ProbationaryLength(rows));
}
