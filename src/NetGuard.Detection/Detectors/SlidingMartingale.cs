using NetGuard.Detection.Numerics;

namespace NetGuard.Detection.Detectors;

/// <summary>
/// A conformal martingale over the last W p-values, kept in log scale as a sliding sum of log-bets
/// (ML.NET's <c>LogMartingaleUpdateBuffer</c>), and its mapping to a score in [0, 1].
/// </summary>
/// <remarks>
/// Under the null (independent p-values uniform on [0, 1]) each bet has expectation 1, so the windowed
/// product M has expectation at most 1 and P(M ≥ c) ≤ 1/c (Markov). Each log-bet also has negative mean
/// (−1.40 for the power bet with ε = 0.1), so one isolated small p-value is absorbed by the window while a
/// run of them (a change) accumulates. p is clamped to [1e-8, 1 − 1e-8] as in ML.NET, which bounds each
/// log-bet (|log-bet| ≤ 17 for ε = 0.1) and so the sum. The sum is recomputed exactly every W updates.
/// </remarks>
internal sealed class SlidingMartingale
{
    private const double MaxP = 1.0 - KernelPValue.MinPValue;
    private readonly RingBuffer _logBets;
    private readonly MartingaleKind _kind;
    private readonly double _epsilon;
    private readonly double _logEpsilon;
    private double _logSum;
    private int _sinceExact;

    public SlidingMartingale(int window, MartingaleKind kind, double epsilon)
    {
        _logBets = new RingBuffer(window);
        _kind = kind;
        _epsilon = epsilon;
        _logEpsilon = Math.Log(epsilon);
    }

    public bool IsFull => _logBets.IsFull;

    /// <summary>log M over the window.</summary>
    public double LogValue => _logSum;

    /// <summary>Bets on <paramref name="pValue"/> and returns the new log M.</summary>
    public double Update(double pValue)
    {
        var bet = LogBet(Math.Clamp(pValue, KernelPValue.MinPValue, MaxP));
        _logSum += _logBets.Add(bet, out var evicted) ? bet - evicted : bet;
        if (++_sinceExact >= _logBets.Capacity)
        {
            _sinceExact = 0;
            _logBets.GetSegments(out var first, out var second);
            double sum = 0;
            foreach (var b in first)
            {
                sum += b;
            }

            foreach (var b in second)
            {
                sum += b;
            }

            _logSum = sum;
        }

        return _logSum;
    }

    /// <summary>The log of the bet on p (p already clamped away from 0 and 1).</summary>
    public double LogBet(double p)
    {
        var logP = Math.Log(p);
        if (_kind == MartingaleKind.Power)
        {
            return _logEpsilon + ((_epsilon - 1.0) * logP);
        }

        // ∫₀¹ ε p^(ε−1) dε = (1 − p + p·ln p) / (p·ln² p) (Fedorova et al. 2012). With u = −ln p the numerator
        // is 1 − e^(−u)(1 + u) = u²/2 − u³/3 + u⁴/8 − u⁵/30 + …, which cancels to nothing in double near p = 1.
        var u = -logP;
        if (u < 1e-3)
        {
            return Math.Log(0.5 - (u / 3.0) + (u * u / 8.0) - (u * u * u / 30.0)) + u;
        }

        return Math.Log((p * logP) + 1.0 - p) - (2.0 * Math.Log(u)) + u;
    }

    /// <summary>Maps log M to a score in [0, 1]; see <see cref="MartingaleScoreMapping"/>.</summary>
    public static double ToScore(double logM, MartingaleScoreMapping mapping, double decades)
    {
        if (!(logM > 0))
        {
            return 0;
        }

        return mapping == MartingaleScoreMapping.LogScaled
            ? Math.Min(1.0, logM / (decades * Math.Log(10.0)))
            : -double.ExpM1(-logM);
    }
}
