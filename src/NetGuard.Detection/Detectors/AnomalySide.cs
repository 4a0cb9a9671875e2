namespace NetGuard.Detection.Detectors;

/// <summary>Which departures a p-value detector counts as anomalous.</summary>
public enum AnomalySide
{
    /// <summary>Both directions: p = 2·min(P(X ≥ x), P(X ≤ x)), capped at 1.</summary>
    TwoSided,

    /// <summary>Only values above the history: p = P(X ≥ x).</summary>
    Upward,

    /// <summary>Only values below the history: p = P(X ≤ x).</summary>
    Downward,
}
