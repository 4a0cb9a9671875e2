namespace NetGuard.Detection.Detectors;

/// <summary>The one place where detectors decide what an input value means.</summary>
internal static class InputGuard
{
    /// <summary>
    /// Magnitudes are capped here so that squares and sums of a window of squares stay finite
    /// (1e100² · 1e6 values ≪ double.MaxValue); an infinite input is an extremely large value, not a gap.
    /// </summary>
    public const double MaxMagnitude = 1e100;

    /// <summary>False for NaN (the value is skipped); otherwise the value with its magnitude capped.</summary>
    public static bool TryNormalize(double value, out double normalized)
    {
        if (double.IsNaN(value))
        {
            normalized = 0;
            return false;
        }

        normalized = Math.Clamp(value, -MaxMagnitude, MaxMagnitude);
        return true;
    }

    public static double Transform(double value, ValueTransform transform) => transform switch
    {
        ValueTransform.Log1p => Math.CopySign(Math.Log(1.0 + Math.Abs(value)), value),
        _ => value,
    };

    /// <summary>Last line of defence for the interface contract: a score is finite and in [0, 1].</summary>
    public static double Sanitize(double score) => double.IsNaN(score) ? 0.0 : Math.Clamp(score, 0.0, 1.0);
}
