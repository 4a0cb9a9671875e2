using Microsoft.Extensions.Logging.Abstractions;
using NetGuard.Core.Remediation;
using NetGuard.Core.Statistics;
using NetGuard.Detection;
using NetGuard.Pipeline;
using NetGuard.Remediation;
using NetGuard.Remediation.Engine;
using NetGuard.Remediation.Enforcement;
using NetGuard.Reporting;

namespace NetGuard.Replay;

/// <summary>
/// The sinks behind the aggregator for replay and capture: optional host-second lines, the
/// decision engine on packet time with the dry-run enforcer, and detection writing alerts; with a
/// report, its recorder hears the seconds, alerts, decisions and detection's judgements too.
/// </summary>
internal sealed class ReplayWiring
{
    private ReplayWiring(ISecondSink sink, DetectionEngine detection, RemediationEngine remediation)
    {
        Sink = sink;
        Detection = detection;
        Remediation = remediation;
    }

    public ISecondSink Sink { get; }

    public DetectionEngine Detection { get; }

    public RemediationEngine Remediation { get; }

    /// <summary>
    /// Replay shows what the daemon would decide. In Monitor mode the daemon decides nothing, so replay
    /// shows what it would propose (Approve); in Auto mode blocks show as active (dry run).
    /// </summary>
    public static ReplayWiring Create(DetectionOptions detection, RemediationOptions remediation, JsonLines output, bool json, bool stats, TextWriter stderr, ReportRecorder? report = null)
    {
        var options = remediation.WithMonitorAs(RemediationMode.Approve);
        var clock = new PacketClock();
        IDecisionSink decisions = json ? new DecisionJsonSink(output, stderr) : new DecisionTextSink(stderr);
        if (report is not null)
        {
            decisions = new DecisionFanOut(decisions, report);
        }

        var engine = RemediationEngineFactory.Create(options, new DryRunEnforcer(), stateDirectory: null, protectHost: false, clock, decisions, NullLogger.Instance);
        engine.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        var remediationSink = new ReplayRemediation(engine, clock);
        var alerts = json ? (Core.Detection.IAnomalySink)new AlertJsonSink(output) : new AlertTextSink(stderr);
        var detector = report is null
            ? new DetectionEngine(detection, new AnomalyFanOut(alerts, remediationSink))
            : new DetectionEngine(detection, new AnomalyFanOut(alerts, report, remediationSink), report);
        var sinks = new List<ISecondSink>();
        if (stats && json)
        {
            sinks.Add(new HostSecondJsonSink(output));
        }

        if (report is not null)
        {
            sinks.Add(report);
        }

        sinks.Add(remediationSink);
        sinks.Add(detector);
        return new ReplayWiring(new FanOutSink([.. sinks]), detector, engine);
    }
}
