using System.Globalization;
using NetGuard.Core.Detection;
using NetGuard.Core.Packets;
using NetGuard.Core.Statistics;
using NetGuard.Detection.Classification;
using NetGuard.Detection.Hosts;

namespace NetGuard.Detection;

public sealed partial class DetectionEngine
{
    private void Report(Finding finding, in HostSecond host, long second)
    {
        var key = (finding.Subject, finding.Kind);
        if (_lastAlert.TryGetValue(key, out var last) && second - last < _cooldownSeconds && second >= last)
        {
            Counters.Suppressed++;
            return;
        }

        _lastAlert[key] = second;
        var a = _assessment;
        var metric = finding.Metric;
        var anomaly = new Anomaly(
            second * 1_000_000,
            finding.Kind,
            finding.Subject,
            finding.Role,
            metric.Name(),
            a.Value(metric),
            finding.Threshold ?? Math.Round(Math.Max(0, a.Means[(int)metric]), 3),
            finding.Threshold is { } t ? Math.Round(a.Value(metric) / t, 3) : a.Score(metric),
            finding.Threshold is not null ? "threshold" : finding.Detector ?? a.DetectorFor(metric, _options))
        {
            Peer = finding.Peer,
            Evidence = Evidence(host),
        };

        // A reported drift starts over, so the same episode does not trip again at once.
        if (a.HasProfile)
        {
            _profiles[a.ProfileSlot].Cusum[(int)metric] = 0;
        }

        Counters.Count(finding.Kind);
        _sink.OnAnomaly(anomaly);
    }

    private static Dictionary<string, double> Evidence(in HostSecond h) => new()
    {
        ["out.packets"] = h.Out.Packets,
        ["out.syn"] = h.Out.Syn,
        ["out.ports"] = h.Out.DistinctPorts,
        ["out.peers"] = h.Out.DistinctPeers,
        ["out.new_flows"] = h.Out.NewFlows,
        ["in.packets"] = h.In.Packets,
        ["in.syn"] = h.In.Syn,
        ["in.peers"] = h.In.DistinctPeers,
        ["in.few_packet_share"] = Math.Round(h.FewPacketSourceShare, 4),
    };

    private void ApplyThresholds(in HostSecond host, List<Finding> found)
    {
        foreach (var (network, metric, perSecond) in _thresholds)
        {
            if (!network.Contains(host.Host) || HostMetrics.Value(host, metric) < perSecond)
            {
                continue;
            }

            var role = metric >= HostMetric.InPackets ? SubjectRole.Destination : SubjectRole.Source;
            found.Add(new Finding(KindOf(metric), host.Host, role, metric, null) { Threshold = perSecond });
        }
    }

    private static AttackKind KindOf(HostMetric metric) => metric switch
    {
        HostMetric.OutSyn or HostMetric.InSyn => AttackKind.SynFlood,
        HostMetric.OutUdp or HostMetric.InUdp => AttackKind.UdpFlood,
        HostMetric.OutIcmp or HostMetric.InIcmp => AttackKind.IcmpFlood,
        HostMetric.OutPorts => AttackKind.PortScan,
        HostMetric.OutPeers => AttackKind.HostSweep,
        HostMetric.InPeers => AttackKind.DistributedFlood,
        HostMetric.OutNewFlows => AttackKind.BruteForce,
        _ => AttackKind.VolumeSpike,
    };

    private static (NetPrefix, HostMetric, double)[] CompileThresholds(IList<ThresholdRule> rules)
    {
        var compiled = new List<(NetPrefix, HostMetric, double)>();
        foreach (var rule in rules)
        {
            if (!NetPrefix.TryParse(rule.Network, out var network))
            {
                throw new ArgumentException($"NetGuard:Detection:Thresholds: '{rule.Network}' is not an address or prefix.");
            }

            var metric = Enum.GetValues<HostMetric>().Cast<HostMetric?>().FirstOrDefault(m => m!.Value.Name() == rule.Metric)
                ?? throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"NetGuard:Detection:Thresholds: unknown metric '{rule.Metric}' (known: {string.Join(", ", Enum.GetValues<HostMetric>().Select(m => m.Name()))})."));
            compiled.Add((network, metric, rule.PerSecond));
        }

        return [.. compiled];
    }

    /// <summary>Keeps the cooldown table small: entries older than the cooldown can go.</summary>
    private void ForgetOldAlerts(long second)
    {
        if (_lastAlert.Count < 4096)
        {
            return;
        }

        foreach (var (key, last) in _lastAlert.ToArray())
        {
            if (second - last >= _cooldownSeconds)
            {
                _lastAlert.Remove(key);
            }
        }
    }
}
