using NetGuard.Core.Statistics;
using NetGuard.Detection.Hosts;

namespace NetGuard.Detection.Classification;

/// <summary>
/// One host-second judged metric by metric: value, the baseline it was judged against (the host's
/// own once warm, else the network's), standardised distance and CUSUM. Reused scratch, no allocation.
/// </summary>
internal sealed class HostAssessment
{
    public double[] Values { get; } = new double[HostMetrics.Count];

    public double[] Means { get; } = new double[HostMetrics.Count];

    public double[] Z { get; } = new double[HostMetrics.Count];

    public double[] Cusum { get; } = new double[HostMetrics.Count];

    public bool Warm { get; private set; }

    public HostProfile? Profile { get; private set; }

    /// <summary>The baselines this host-second was judged against (the host's own or the network's), unchanged until it is learned.</summary>
    public EwmaBaseline[] JudgedAgainst { get; private set; } = [];

    public void Assess(in HostSecond host, HostProfile? profile, EwmaBaseline[] prior, DetectionOptions options)
    {
        Profile = profile;
        Warm = profile is not null && profile.ActiveSeconds >= options.WarmupSeconds;
        JudgedAgainst = Warm ? profile!.Baselines : prior;
        for (var m = 0; m < HostMetrics.Count; m++)
        {
            var value = HostMetrics.Value(host, (HostMetric)m);
            ref readonly var baseline = ref JudgedAgainst[m];
            var z = baseline.Z(value);
            Values[m] = value;
            Means[m] = baseline.Mean;
            Z[m] = z;
            if (profile is not null)
            {
                profile.Cusum[m] = Math.Max(0, profile.Cusum[m] + Math.Min(z, options.CusumZCap) - options.CusumDrift);
                Cusum[m] = profile.Cusum[m];
            }
            else
            {
                Cusum[m] = 0;
            }
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
