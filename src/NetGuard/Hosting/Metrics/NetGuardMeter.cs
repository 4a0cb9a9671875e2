using System.Diagnostics.Metrics;
using NetGuard.Alerting.Syslog;
using NetGuard.Core.Detection;
using NetGuard.Core.Remediation;
using NetGuard.Hosting.Reload;

namespace NetGuard.Hosting.Metrics;

/// <summary>
/// The <c>NetGuard</c> meter. Every instrument is observable: it reads the counters the pipeline,
/// detection, remediation and the syslog sink keep anyway, when a scrape asks, so capture does no
/// extra work per packet. Prometheus names: <c>netguard_packets_total</c>, <c>netguard_decisions</c>, ...
/// </summary>
internal sealed class NetGuardMeter : IDisposable
{
    public const string Name = "NetGuard";
    private static readonly AttackKind[] Kinds = Enum.GetValues<AttackKind>();
    private static readonly DecisionState[] States = Enum.GetValues<DecisionState>();
    private readonly Meter _meter = new(Name);

    public NetGuardMeter(CaptureService capture, RemediationService remediation, CountingEnforcer? enforcer, SyslogCounters syslog, ConfigurationReloadService reload)
    {
        var sources = capture.Sources;
        var counters = capture.Pipeline.SourceCounters;
        IEnumerable<Measurement<long>> PerInterface(Func<int, long> value)
        {
            for (var i = 0; i < sources.Count; i++)
            {
                yield return new Measurement<long>(value(i), new KeyValuePair<string, object?>("interface", sources[i].Name));
            }
        }

        _meter.CreateObservableCounter("netguard_packets", () => PerInterface(i => counters[i].Frames), description: "Frames captured, IP or not, decodable or not.");
        _meter.CreateObservableCounter("netguard_bytes", () => PerInterface(i => counters[i].FrameBytes), description: "Bytes of the frames captured (their length on the wire).");
        _meter.CreateObservableCounter("netguard_kernel_dropped", () => PerInterface(i => sources[i].KernelStatistics.Dropped + sources[i].KernelStatistics.InterfaceDropped), description: "Frames the kernel or the interface dropped before NetGuard read them (pcap_stats).");
        _meter.CreateObservableCounter("netguard_pipeline_dropped", () => PerInterface(i => counters[i].PipelineDroppedPackets), description: "Packets dropped because the capture-to-aggregation channel was full.");
        _meter.CreateObservableCounter("netguard_decode_errors", () => DecodeErrors(capture), description: "Frames that could not be decoded, by status.");
        _meter.CreateObservableCounter("netguard_not_ip", () => PerInterface(i => counters[i].NotIp), description: "Well-formed frames that are not IP (ARP, LLDP, ...).");
        _meter.CreateObservableGauge("netguard_hosts_tracked", () => capture.Detection.Counters.HostsTracked, description: "Hosts with a detection profile (bounded by NetGuard:Detection:MaxTrackedHosts).");
        _meter.CreateObservableGauge("netguard_hosts_last_second", () => capture.Pipeline.AggregationCounters?.HostsLastSecond ?? 0, description: "Hosts seen in the last closed second.");
        _meter.CreateObservableGauge("netguard_flows_tracked", () => capture.Pipeline.AggregationCounters?.FlowsTracked ?? 0, description: "Flows in the flow table.");
        _meter.CreateObservableCounter("netguard_evictions", () => Evictions(capture), description: "Entries evicted from a full table to make room: flows (least recently seen) and host profiles.");
        _meter.CreateObservableCounter("netguard_untracked_host_packets", () => capture.Pipeline.AggregationCounters?.UntrackedHostPackets ?? 0, description: "Packet ends not counted for a host because the host table was full that second.");
        _meter.CreateObservableCounter("netguard_alerts", () => Kinds.Select(k => new Measurement<long>(capture.Detection.Counters.Alerts(k), new KeyValuePair<string, object?>("kind", k.Name()))), description: "Alerts raised, by kind.");
        _meter.CreateObservableGauge("netguard_decisions", () => DecisionsByState(remediation), description: "Decisions in the journal, by state.");
        _meter.CreateObservableCounter("netguard_remediation_dropped", () => remediation.Dropped, description: "Alerts remediation dropped because it was 10,000 items behind.");
        _meter.CreateObservableCounter("netguard_enforcer_failures", () => EnforcerFailures(enforcer), description: "Firewall calls that failed, by operation (every attempt, retries included).");
        _meter.CreateObservableCounter("netguard_syslog_delivered", () => syslog.Sent, description: "Log events handed to the syslog transport.");
        _meter.CreateObservableCounter("netguard_syslog_dropped", () => syslog.Dropped, description: "Log events the syslog sink lost (buffer full, receiver gone too long).");
        _meter.CreateObservableGauge("netguard_syslog_buffered", () => syslog.Buffered, description: "Log events waiting for the syslog receiver.");
        _meter.CreateObservableCounter("netguard_config_reloads", () => Reloads(reload), description: "Configuration file reloads, by result (applied or rejected).");
    }

    public void Dispose() => _meter.Dispose();

    private static IEnumerable<Measurement<long>> DecodeErrors(CaptureService capture)
    {
        for (var i = 0; i < capture.Sources.Count; i++)
        {
            var c = capture.Pipeline.SourceCounters[i];
            var name = new KeyValuePair<string, object?>("interface", capture.Sources[i].Name);
            yield return new Measurement<long>(c.Truncated, name, new("status", "truncated"));
            yield return new Measurement<long>(c.Malformed, name, new("status", "malformed"));
            yield return new Measurement<long>(c.UnsupportedLinkType, name, new("status", "unsupported_link_type"));
        }
    }

    private static IEnumerable<Measurement<long>> Evictions(CaptureService capture)
    {
        yield return new Measurement<long>(capture.Pipeline.AggregationCounters?.FlowsEvicted ?? 0, new KeyValuePair<string, object?>("table", "flows"));
        yield return new Measurement<long>(capture.Detection.Counters.HostsEvicted, new KeyValuePair<string, object?>("table", "host_profiles"));
    }

    private static IEnumerable<Measurement<int>> DecisionsByState(RemediationService remediation)
    {
        var counts = remediation.DecisionsByState;
        foreach (var state in States)
        {
            yield return new Measurement<int>(counts[(int)state], new KeyValuePair<string, object?>("state", StateName(state)));
        }
    }

    private static IEnumerable<Measurement<long>> EnforcerFailures(CountingEnforcer? enforcer)
    {
        foreach (var operation in Enum.GetValues<EnforcerOperation>())
        {
            yield return new Measurement<long>(enforcer?.Failures(operation) ?? 0, new KeyValuePair<string, object?>("operation", operation.ToString().ToLowerInvariant()));
        }
    }

    private static IEnumerable<Measurement<long>> Reloads(ConfigurationReloadService reload)
    {
        yield return new Measurement<long>(reload.Applied, new KeyValuePair<string, object?>("result", "applied"));
        yield return new Measurement<long>(reload.Rejected, new KeyValuePair<string, object?>("result", "rejected"));
    }

    /// <summary>rolled_back, not RolledBack: Prometheus label values are conventionally snake case.</summary>
    internal static string StateName(DecisionState state) => state == DecisionState.RolledBack ? "rolled_back" : state.ToString().ToLowerInvariant();
}
