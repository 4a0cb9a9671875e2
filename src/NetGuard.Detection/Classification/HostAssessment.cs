using NetGuard.Core.Statistics;
using NetGuard.Detection.Hosts;

namespace NetGuard.Detection.Classification;

/// <summary>
/// One host-second judged metric by metric: value, the baseline it was judged against (the host's
/// own once warm, else the network's), its spread, standardised distance and CUSUM. Reused scratch, no allocation.
/// </summary>
internal sealed class HostAssessment
{
    public double[] Values { get; } = new double[HostMetrics.Count];

    public double[] Means { get; } = new double[HostMetrics.Count];

    public double[] Z { get; } = new double[HostMetrics.Count];

    public double[] Cusum { get; } = new double[HostMetrics.Count];

    /// <summary>The spread of the baseline each metric was judged against (what <see cref="Z"/> divided by).</summary>
    public double[] Deviations { get; } = new double[HostMetrics.Count];

    public bool Warm { get; private set; }

    /// <summary>The host's slot in the profile table, or -1 when it has no profile; valid until the table's next <c>Touch</c>.</summary>
    public int ProfileSlot { get; private set; } = -1;

    public bool HasProfile => ProfileSlot >= 0;

    /// <summary>
    /// Judges the host-second against the host's own baselines once warm, else the network's
    /// (<paramref name="prior"/>), and advances the host's CUSUMs when it has a profile (<paramref name="slot"/> ≥ 0).
    /// </summary>
    public void Assess(in HostSecond host, HostProfileTable profiles, int slot, EwmaBaseline[] prior, DetectionOptions options)
    {
        ProfileSlot = slot;
        if (slot < 0)
        {
            Warm = false;
            Judge(host, prior);
            Cusum.AsSpan().Clear();
            return;
        }

        ref var profile = ref profiles[slot];
        Warm = profile.ActiveSeconds >= options.WarmupSeconds;
        Judge(host, Warm ? profile.Baselines : prior);
        Span<double> cusum = profile.Cusum;
        for (var m = 0; m < HostMetrics.Count; m++)
        {
            cusum[m] = Math.Max(0, cusum[m] + Math.Min(Z[m], options.CusumZCap) - options.CusumDrift);
            Cusum[m] = cusum[m];
        }
    }

    private void Judge(in HostSecond host, ReadOnlySpan<EwmaBaseline> baselines)
    {
        for (var m = 0; m < HostMetrics.Count; m++)
        {
            var value = HostMetrics.Value(host, (HostMetric)m);
            ref readonly var baseline = ref baselines[m];
            var deviation = baseline.Deviation;
            Values[m] = value;
            Means[m] = baseline.Mean;
            Deviations[m] = deviation;
            Z[m] = (value - baseline.Mean) / deviation;
        }
    }

    public double Value(HostMetric m) => Values[(int)m];

    public double Excess(HostMetric m) => Values[(int)m] - Math.Max(0, Means[(int)m]);

    /// <summary>Above baseline by at least <paramref name="absolute"/> and by <paramref name="ratio"/> of the baseline.</summary>
    public bool Exceeds(HostMetric m, double absolute, double ratio) =>
        Excess(m) >= Math.Max(absolute, ratio * Math.Max(0, Means[(int)m]));

    /// <summary>Not normal for this host: always true until its baseline is warm (the floors decide then).</summary>
    public bool Unusual(HostMetric m, DetectionOptions options) => !Warm || Z[(int)m] >= options.NormalZ;

    public bool Spiked(HostMetric m, DetectionOptions options) => Z[(int)m] >= options.SpikeZ;

    public bool Drifted(HostMetric m, DetectionOptions options) => Cusum[(int)m] >= options.CusumThreshold;

    /// <summary>
    /// Drifted, and this second still adds to the drift. A CUSUM stays over its threshold for a while
    /// after the shift that raised it ends; a second at or below the baseline is not the attack going on.
    /// </summary>
    public bool StillDrifting(HostMetric m, DetectionOptions options) => Drifted(m, options) && Z[(int)m] >= options.CusumDrift;

    /// <summary>Which test made the call, for the alert's "detector" field.</summary>
    public string DetectorFor(HostMetric m, DetectionOptions options) =>
        !Warm ? "signature" : Spiked(m, options) ? "ewma-z" : Drifted(m, options) ? "cusum" : "signature";

    /// <summary>Reported score: σ above the baseline, capped so that JSON stays readable.</summary>
    public double Score(HostMetric m) => Math.Round(Math.Clamp(Z[(int)m], 0, 10_000), 2);
}
