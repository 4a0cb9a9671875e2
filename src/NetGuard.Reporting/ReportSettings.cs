namespace NetGuard.Reporting;

/// <summary>What the report needs to know about detection to draw its judgements.</summary>
/// <param name="MetricNames">Detection's metric names in the order judgements carry them ("out.syn", ...).</param>
/// <param name="BandSigmas">Half-width of the baseline band in σ: a value above it is unusual for the host.</param>
/// <param name="SpikeScore">Score (σ) at which one second is a spike.</param>
/// <param name="CusumThreshold">CUSUM at which a drift is reported.</param>
public sealed record ReportSettings(IReadOnlyList<string> MetricNames, double BandSigmas, double SpikeScore, double CusumThreshold);
