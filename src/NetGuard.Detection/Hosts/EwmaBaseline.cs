namespace NetGuard.Detection.Hosts;

/// <summary>
/// Exponentially weighted mean and variance of one series (West's incremental form), with a
/// Poisson floor on the spread: counts of rare events have little variance of their own, and a
/// jump from 0 to 2 must not look like a 100-sigma event.
/// </summary>
internal struct EwmaBaseline
{
    public double Mean;
    public double Variance;
    public int Count;

    public void Update(double value, double alpha)
    {
        if (Count == 0)
        {
            Mean = value;
            Variance = 0;
        }
        else
        {
            // Early on, average plainly (alpha = 1/n) so the first values are not overweighted.
            var a = Math.Max(alpha, 1.0 / (Count + 1));
            var delta = value - Mean;
            Mean += a * delta;
            Variance = (1 - a) * (Variance + (a * delta * delta));
        }

        if (Count < int.MaxValue)
        {
            Count++;
        }
    }

    /// <summary>The spread a value's standardised distance divides by: at least that of a Poisson count.</summary>
    public readonly double Deviation => Math.Sqrt(Variance + Math.Max(Mean, 0) + 1);
}
