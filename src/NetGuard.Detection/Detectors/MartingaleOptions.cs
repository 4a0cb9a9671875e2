namespace NetGuard.Detection.Detectors;

/// <summary>The martingale part shared by the changepoint detectors. Immutable.</summary>
public sealed record MartingaleOptions
{
    /// <summary>p-values the martingale bets over (ML.NET's changeHistoryLength). Short, so the threshold stays reachable.</summary>
    public int Window { get; init; } = 10;

    /// <summary>The betting function.</summary>
    public MartingaleKind Kind { get; init; } = MartingaleKind.Power;

    /// <summary>ε of the power martingale, in (0, 1).</summary>
    public double Epsilon { get; init; } = 0.1;

    /// <summary>How M becomes a score in [0, 1].</summary>
    public MartingaleScoreMapping ScoreMapping { get; init; } = MartingaleScoreMapping.MarkovBound;

    /// <summary>
    /// For <see cref="MartingaleScoreMapping.LogScaled"/>: decades of M that span the score range; 0 means the
    /// most the window can hold (every p-value at the 1e-8 floor), so the score never saturates.
    /// </summary>
    public double LogScaleDecades { get; init; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Window, 1);
        if (!(Epsilon > 0 && Epsilon < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(Epsilon), Epsilon, "Must be in (0, 1).");
        }

        if (!(LogScaleDecades >= 0 && LogScaleDecades < 1e6))
        {
            throw new ArgumentOutOfRangeException(nameof(LogScaleDecades), LogScaleDecades, "Must be in [0, 1e6).");
        }

        if (!Enum.IsDefined(Kind) || !Enum.IsDefined(ScoreMapping))
        {
            throw new ArgumentOutOfRangeException(nameof(Kind), "Unknown martingale kind or score mapping.");
        }
    }

    internal SlidingMartingale Create() => new(Window, Kind, Epsilon);

    internal double EffectiveDecades => LogScaleDecades > 0
        ? LogScaleDecades
        : Window * new SlidingMartingale(1, Kind, Epsilon).LogBet(KernelPValue.MinPValue) / Math.Log(10.0);
}
