using Microsoft.Extensions.Logging;
using NetGuard.Alerting.Syslog;
using NetGuard.Core.Capture;
using NetGuard.Core.Statistics;
using NetGuard.Pipeline;

namespace NetGuard.Hosting;

/// <summary>
/// Counts closed seconds and logs rates and drops at an interval: capture's, and the syslog sink's
/// when syslog is on (<paramref name="syslog"/> is null when it is off: no counters that can only read 0).
/// </summary>
internal sealed partial class RateReporter(CapturePipeline pipeline, IReadOnlyList<IPacketSource> sources, SyslogCounters? syslog, ILogger logger) : ISecondSink
{
    private long _lastFrames;
    private long _lastTicks = Environment.TickCount64;
    private int _hostsLastSecond;

    public void OnSecond(SecondSnapshot snapshot) => Volatile.Write(ref _hostsLastSecond, snapshot.Hosts.Length);

    public void Report()
    {
        var frames = pipeline.SourceCounters.Sum(c => c.Frames);
        var now = Environment.TickCount64;
        var seconds = Math.Max(1, now - Interlocked.Exchange(ref _lastTicks, now)) / 1000.0;
        var pps = (frames - Interlocked.Exchange(ref _lastFrames, frames)) / seconds;
        var kernelDropped = sources.Sum(s => s.KernelStatistics.Dropped + s.KernelStatistics.InterfaceDropped);
        var pipelineDropped = pipeline.SourceCounters.Sum(c => c.PipelineDroppedPackets);
        var decodeErrors = pipeline.SourceCounters.Sum(c => c.DecodeErrors);
        var hosts = Volatile.Read(ref _hostsLastSecond);
        var flows = pipeline.AggregationCounters?.FlowsTracked ?? 0;
        if (syslog is null)
        {
            LogRates(logger, frames, pps, hosts, flows, kernelDropped, pipelineDropped, decodeErrors);
        }
        else
        {
            LogRates(logger, frames, pps, hosts, flows, kernelDropped, pipelineDropped, decodeErrors, syslog.Sent, syslog.Buffered, syslog.Dropped);
        }
    }

    [LoggerMessage(EventId = 111, Level = LogLevel.Information,
        Message = "{Packets} packets, {Pps:F0} pps, {Hosts} hosts last second, {Flows} flows; dropped: kernel {KernelDropped}, pipeline {PipelineDropped}; decode errors {DecodeErrors}")]
    private static partial void LogRates(ILogger logger, long packets, double pps, int hosts, long flows, long kernelDropped, long pipelineDropped, long decodeErrors);

    [LoggerMessage(EventId = 110, Level = LogLevel.Information,
        Message = "{Packets} packets, {Pps:F0} pps, {Hosts} hosts last second, {Flows} flows; dropped: kernel {KernelDropped}, pipeline {PipelineDropped}; decode errors {DecodeErrors}; syslog sent {SyslogSent}, buffered {SyslogBuffered}, dropped {SyslogDropped}")]
    private static partial void LogRates(ILogger logger, long packets, double pps, int hosts, long flows, long kernelDropped, long pipelineDropped, long decodeErrors, long syslogSent, long syslogBuffered, long syslogDropped);
}
