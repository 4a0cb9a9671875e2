namespace NetGuard.Core.Detection;

/// <summary>How detection judged one metric of one host-second.</summary>
/// <param name="Value">The metric's value in that second.</param>
/// <param name="Baseline">Mean of the baseline it was judged against: the host's own once warm, else the network's.</param>
/// <param name="Deviation">Spread of that baseline (σ, at least a Poisson count's); <c>Score = (Value − Baseline) / Deviation</c>.</param>
/// <param name="Score">σ above the baseline, as alerts report it (never below 0).</param>
/// <param name="Cusum">The metric's CUSUM after this second, in σ units (0 for a host without a profile).</param>
public readonly record struct MetricJudgement(double Value, double Baseline, double Deviation, double Score, double Cusum);
