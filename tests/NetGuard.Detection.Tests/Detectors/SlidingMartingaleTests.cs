using NetGuard.Detection.Detectors;

namespace NetGuard.Detection.Tests.Detectors;

public class SlidingMartingaleTests
{
    // Power: ln 0.1 + (0.1 − 1)·ln p. Mixture: ln ∫₀¹ ε p^(ε−1) dε by scipy.integrate.quad (not the closed form).
    [Theory]
    [InlineData(0.5, -1.6787526304900946, -0.44836122069267476)]
    [InlineData(0.1, -0.2302585092994045, 0.23365672667238926)]
    [InlineData(0.01, 1.8420680743952365, 1.4931270511164154)]
    [InlineData(1e-8, 14.276027576563083, 12.593732575889955)]
    public void LogBet_MatchesDefinition(double p, double power, double mixture)
    {
        Assert.Equal(power, new SlidingMartingale(1, MartingaleKind.Power, 0.1).LogBet(p), 12);
        Assert.Equal(mixture, new SlidingMartingale(1, MartingaleKind.Mixture, 0.1).LogBet(p), 9);
    }

    [Fact]
    public void Update_WindowOfThree_SumsTheLastThreeLogBets()
    {
        var martingale = new SlidingMartingale(3, MartingaleKind.Power, 0.1);
        martingale.Update(0.5);
        martingale.Update(0.1);
        martingale.Update(0.01);
        Assert.True(martingale.IsFull);
        var logM = martingale.Update(1e-8);
        Assert.Equal(-0.2302585092994045 + 1.8420680743952365 + 14.276027576563083, logM, 12);
    }

    [Fact]
    public void Update_ZeroOrOnePValues_AreClampedAndFinite()
    {
        var martingale = new SlidingMartingale(5, MartingaleKind.Mixture, 0.1);
        for (var i = 0; i < 100; i++)
        {
            Assert.True(double.IsFinite(martingale.Update(i % 2 == 0 ? 0.0 : 1.0)));
        }
    }

    [Theory]
    [InlineData(-5.0, 0.0, 0.0)]
    [InlineData(0.0, 0.0, 0.0)]
    [InlineData(4.605170185988092, 0.99, 0.2)] // ln 100: M = 100 ↔ Markov bound α = 0.01; log10 M = 2 of 10 decades
    [InlineData(23.025850929940457, 0.9999999999, 1.0)] // ln 1e10
    [InlineData(1000.0, 1.0, 1.0)]
    public void ToScore_MapsEvidenceToUnitInterval(double logM, double markov, double logScaled)
    {
        Assert.Equal(markov, SlidingMartingale.ToScore(logM, MartingaleScoreMapping.MarkovBound, 10), 12);
        Assert.Equal(logScaled, SlidingMartingale.ToScore(logM, MartingaleScoreMapping.LogScaled, 10), 12);
    }
}
