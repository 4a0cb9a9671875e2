using NetGuard.Core.Detection;
using NetGuard.Core.Packets;
using NetGuard.Core.Statistics;
using NetGuard.Detection.Hosts;

namespace NetGuard.Detection.Classification;

/// <summary>
/// The signatures of ALGORITHMS.md "Classification": per host-second, first what the host sent
/// (scans, sweeps, floods, brute force), then what it received (distributed floods, floods whose
/// dominant source is named), then plain volume. Each rule needs its absolute floor and a value
/// that is unusual for the host.
/// </summary>
internal sealed class HostClassifier(DetectionOptions options)
{
    public void Classify(in HostSecond h, HostAssessment a, List<Finding> found)
    {
        if (h.Out.Packets > 0)
        {
            ClassifySent(h, a, found);
        }

        if (h.In.Packets > 0)
        {
            ClassifyReceived(h, a, found);
        }

        if (a.Warm)
        {
            ClassifyVolume(h, a, found);
        }
    }

    private void ClassifySent(in HostSecond h, HostAssessment a, List<Finding> found)
    {
        var ports = h.Out.DistinctPorts;
        var peers = h.Out.DistinctPeers;
        NetAddress? victim = h.TopDestinationPackets > 0 ? h.TopDestination : null;
        if (ports >= options.ScanMinPorts && peers <= Math.Max(4, ports / 4) && a.Unusual(HostMetric.OutPorts, options))
        {
            found.Add(new Finding(AttackKind.PortScan, h.Host, SubjectRole.Source, HostMetric.OutPorts, victim));
            return;
        }

        // A slower scan: fewer ports a second, but more than usual second after second.
        if (ports >= options.ScanMinPorts / 2 && peers <= Math.Max(4, ports / 4) && a.Drifted(HostMetric.OutPorts, options))
        {
            found.Add(new Finding(AttackKind.PortScan, h.Host, SubjectRole.Source, HostMetric.OutPorts, victim) { Detector = "cusum" });
            return;
        }

        if (peers >= options.SweepMinPeers && h.Out.NewFlows >= peers / 2 && ports <= 3 && a.Unusual(HostMetric.OutPeers, options))
        {
            found.Add(new Finding(AttackKind.HostSweep, h.Host, SubjectRole.Source, HostMetric.OutPeers, null));
            return;
        }

        // A host that only answers flows others started (a QUIC or DNS server replying) is no flood source.
        var onlyAnswers = h.Out.NewFlows == 0 && h.In.NewFlows > 0;
        foreach (var (metric, kind) in Floods(sent: true))
        {
            if ((kind != AttackKind.UdpFlood || !onlyAnswers) && a.Exceeds(metric, options.FloodMinRate, options.FloodMinRatio) && a.Unusual(metric, options))
            {
                found.Add(new Finding(kind, h.Host, SubjectRole.Source, metric, victim));
                return;
            }
        }

        // Still drifting: the last seconds of a flood (a new flow per packet) leave the CUSUM high, and are no brute force.
        if (h.Out.NewFlows >= options.BruteForceMinFlows && ports <= 2 && peers <= 2 && a.StillDrifting(HostMetric.OutNewFlows, options))
        {
            found.Add(new Finding(AttackKind.BruteForce, h.Host, SubjectRole.Source, HostMetric.OutNewFlows, victim) { Detector = "cusum" });
        }
    }

    private void ClassifyReceived(in HostSecond h, HostAssessment a, List<Finding> found)
    {
        if (h.In.DistinctPeers >= options.DistributedMinSources
            && h.FewPacketSourceShare >= options.DistributedMinFewShare
            && a.Exceeds(HostMetric.InPackets, options.FloodMinRate, options.FloodMinRatio)
            && a.Unusual(HostMetric.InPeers, options))
        {
            found.Add(new Finding(AttackKind.DistributedFlood, h.Host, SubjectRole.Destination, HostMetric.InPeers, null));
            return;
        }

        // A flood no single source explains (each heavy source is named by the rules on what it sent):
        // judged only against the victim's own learned baseline, and the victim is the subject.
        if (!a.Warm)
        {
            return;
        }

        foreach (var (metric, kind) in Floods(sent: false))
        {
            if (a.Exceeds(metric, options.FloodMinRate, options.FloodMinRatio) && (a.Spiked(metric, options) || a.Drifted(metric, options))
                && h.TopSourcePackets * 2 < h.In.Packets)
            {
                found.Add(new Finding(kind, h.Host, SubjectRole.Destination, metric, null));
                return;
            }
        }
    }

    private void ClassifyVolume(in HostSecond h, HostAssessment a, List<Finding> found)
    {
        foreach (var (metric, role) in Volumes)
        {
            if (!a.Exceeds(metric, options.VolumeMinBytes, options.FloodMinRatio))
            {
                continue;
            }

            if (a.Spiked(metric, options))
            {
                found.Add(new Finding(AttackKind.VolumeSpike, h.Host, role, metric, null));
            }
            else if (a.Drifted(metric, options))
            {
                found.Add(new Finding(AttackKind.Changepoint, h.Host, role, metric, null));
            }
        }
    }

    private static (HostMetric Metric, AttackKind Kind)[] Floods(bool sent) => sent ? SentFloods : ReceivedFloods;

    private static readonly (HostMetric, AttackKind)[] SentFloods =
        [(HostMetric.OutSyn, AttackKind.SynFlood), (HostMetric.OutUdp, AttackKind.UdpFlood), (HostMetric.OutIcmp, AttackKind.IcmpFlood)];

    private static readonly (HostMetric, SubjectRole)[] Volumes = [(HostMetric.InBytes, SubjectRole.Destination), (HostMetric.OutBytes, SubjectRole.Source)];

    private static readonly (HostMetric, AttackKind)[] ReceivedFloods =
        [(HostMetric.InSyn, AttackKind.SynFlood), (HostMetric.InUdp, AttackKind.UdpFlood), (HostMetric.InIcmp, AttackKind.IcmpFlood)];
}
