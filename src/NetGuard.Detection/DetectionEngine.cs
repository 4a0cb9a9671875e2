using NetGuard.Core.Detection;
using NetGuard.Core.Packets;
using NetGuard.Core.Statistics;
using NetGuard.Detection.Classification;
using NetGuard.Detection.Hosts;

namespace NetGuard.Detection;

/// <summary>
/// Turns each closed second into alerts: judges every host against its learned baseline (or the
/// network's), classifies what it sees, applies static thresholds, rate-limits repeats, and then
/// learns from the second. The aggregator's sink, called for one second at a time: on the aggregation
/// thread, or on the detection thread behind a <c>SecondHandoff</c>.
/// </summary>
public sealed partial class DetectionEngine : ISecondSink
{
    private const int BucketAhead = 8;
    private const int ProfileAhead = 4;
    private readonly IAnomalySink _sink;
    private readonly HostProfileTable _profiles;
    private readonly EwmaBaseline[] _prior = new EwmaBaseline[HostMetrics.Count];
    private readonly double[] _priorSums = new double[HostMetrics.Count];
    private readonly HostAssessment _assessment = new();
    private DetectionOptions _options;
    private HostClassifier _classifier;
    private DetectionOptions? _next;
    private readonly List<Finding> _findings = [];
    private readonly Dictionary<(NetAddress, AttackKind), long> _lastAlert = [];
    private (NetPrefix Network, HostMetric Metric, double PerSecond)[] _thresholds;
    private long _cooldownSeconds;
    private readonly JudgementPublisher? _judgements;

    /// <param name="judgements">Optional: sees every host-second as judged (replay's report); without it no such work is done.</param>
    public DetectionEngine(DetectionOptions options, IAnomalySink sink, IJudgementSink? judgements = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _sink = sink;
        _profiles = new HostProfileTable(options.MaxTrackedHosts);
        _classifier = new HostClassifier(options);
        _thresholds = CompileThresholds(options.Thresholds);
        _cooldownSeconds = Math.Max(0, (long)options.AlertCooldown.TotalSeconds);
        _judgements = judgements is null ? null : new JudgementPublisher(judgements);
    }

    /// <summary>Swaps the settings on the thread that runs <see cref="OnSecond"/>, between seconds (once per reload, never per packet).</summary>
    private void Apply(DetectionOptions options)
    {
        _options = options;
        _classifier = new HostClassifier(options);
        _thresholds = CompileThresholds(options.Thresholds);
        _cooldownSeconds = Math.Max(0, (long)options.AlertCooldown.TotalSeconds);
    }

    public DetectionCounters Counters { get; } = new();

    /// <summary>
    /// Takes new thresholds, floors and baseline settings from any thread; they apply from the next
    /// closed second on, and baselines learned so far are kept. <see cref="DetectionOptions.MaxTrackedHosts"/>
    /// sizes the profile table and keeps its value until a restart.
    /// </summary>
    public void Reconfigure(DetectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _ = CompileThresholds(options.Thresholds);
        Volatile.Write(ref _next, options);
    }

    public void OnSecond(SecondSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (Volatile.Read(ref _next) is not null)
        {
            Apply(Interlocked.Exchange(ref _next, null)!);
        }

        var second = snapshot.Second;
        Array.Clear(_priorSums);
        var profiled = 0;
        var hosts = snapshot.Hosts;
        for (var i = 0; i < hosts.Length; i++)
        {
            // Profiles are spread over megabytes: start reading the next hosts' early (index, then profile).
            if (i + BucketAhead < hosts.Length)
            {
                _profiles.PrefetchBucket((uint)hosts[i + BucketAhead].Host.GetHashCode());
            }

            if (i + ProfileAhead < hosts.Length)
            {
                _profiles.PrefetchProfile((uint)hosts[i + ProfileAhead].Host.GetHashCode());
            }

            ref readonly var host = ref hosts[i];
            var profile = _profiles.Touch(host.Host, create: host.In.Packets + host.Out.Packets >= _options.ProfileMinPackets);
            _assessment.Assess(host, _profiles, profile, _prior, _options);
            _findings.Clear();
            _classifier.Classify(host, _assessment, _findings);
            ApplyThresholds(host, _findings);
            foreach (var finding in _findings)
            {
                Report(finding, host, second);
            }

            _judgements?.Publish(second, host, _assessment);

            if (profile >= 0)
            {
                Learn(ref _profiles[profile]);
                profiled++;
            }
        }

        LearnNetwork(profiled);
        ForgetOldAlerts(second);
        Counters.SecondsAssessed++;
        Counters.HostsTracked = _profiles.Count;
        Counters.HostsEvicted = _profiles.Evicted;
    }

    /// <summary>Updates the host's baselines; an unusual value is learned ten times slower, so an attack does not become normal within seconds.</summary>
    private void Learn(ref HostProfile profile)
    {
        var a = _assessment;
        for (var m = 0; m < HostMetrics.Count; m++)
        {
            var alpha = a.Z[m] < _options.NormalZ ? _options.BaselineAlpha : _options.BaselineAlpha / 10;
            profile.Baselines[m].Update(a.Values[m], alpha);
            _priorSums[m] += a.Values[m];
        }

        profile.ActiveSeconds++;
    }

    /// <summary>The network's baseline: what an active, profiled host does in a second, on average.</summary>
    private void LearnNetwork(int profiled)
    {
        if (profiled == 0)
        {
            return;
        }

        for (var m = 0; m < HostMetrics.Count; m++)
        {
            _prior[m].Update(_priorSums[m] / profiled, _options.BaselineAlpha);
        }
    }
}
