namespace NetGuard.Evaluation.Nab;

/// <summary>The fixed arithmetic of NAB v1.1's scoring (nab/sweeper.py), reimplemented.</summary>
internal static class NabScoring
{
    /// <summary>Fraction of each file, from its start, that is not scored.</summary>
    public const double ProbationaryPercent = 0.15;

    /// <summary>NAB caps the probationary period at 15 % of 5,000 rows, i.e. 750.</summary>
    private const double ProbationaryCapRows = 5000;

    /// <summary>σ(−1): the worth of a detection on a window's first row, which NAB scales to A_TP.</summary>
    public static double MaxTruePositive { get; } = ScaledSigmoid(-1.0);

    /// <summary>min(floor(0.15·rows), 750), computed in double as NAB does.</summary>
    public static int ProbationaryLength(int rows) =>
        (int)Math.Min(Math.Floor(ProbationaryPercent * rows), ProbationaryPercent * ProbationaryCapRows);

    /// <summary>
    /// 2·sigmoid(−5y) − 1, which is 2/(1 + e^(5y)) − 1: +0.987 at y = −1 (a window's left edge), 0 at its
    /// right edge, −0.987 one window-width past it, and exactly −1 beyond y = 3.
    /// </summary>
    public static double ScaledSigmoid(double position) =>
        position > 3.0 ? -1.0 : (2 * Sigmoid(-5 * position)) - 1.0;

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
}
