using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetGuard.Aggregation;
using NetGuard.Alerting.Syslog;
using NetGuard.Core.Capture;
using NetGuard.Detection;
using NetGuard.Pipeline;

namespace NetGuard.Hosting;

/// <summary>Runs the live pipeline for the life of the host and reports its counters.</summary>
internal sealed partial class CaptureService(
    IReadOnlyList<IPacketSource> sources,
    CaptureOptions capture,
    AggregationOptions aggregation,
    DetectionOptions detection,
    RemediationService remediation,
    SyslogCounters syslog,
    SyslogOptions syslogOptions,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<CaptureService> logger) : BackgroundService
{
    private static readonly TimeSpan ReportInterval = TimeSpan.FromSeconds(10);
    private readonly CapturePipeline _pipeline = new(sources, aggregation, capture.ChannelBatches, time);
    private long _lastFrames = -1;
    private long _lastProgressTicks = Environment.TickCount64;
    private volatile bool _stopped;

    /// <summary>The capture sources, one per interface, with their kernel statistics.</summary>
    public IReadOnlyList<IPacketSource> Sources => sources;

    /// <summary>The pipeline's counters (aggregation's once capture has started).</summary>
    public CapturePipeline Pipeline => _pipeline;

    /// <summary>Detection, the aggregator's sink; <see cref="DetectionEngine.Reconfigure"/> takes reloaded settings.</summary>
    public DetectionEngine Detection { get; } = new(detection, new AnomalyFanOut(new AlertLogSink(logger), remediation));

    /// <summary>
    /// The capture loop runs and its aggregation keeps up: frames still move, or the link is
    /// quiet but seconds keep closing. False once capture stopped on a fault.
    /// </summary>
    public bool IsHealthy
    {
        get
        {
            if (_stopped)
            {
                return false;
            }

            var frames = _pipeline.SourceCounters.Sum(c => c.Frames) + (_pipeline.AggregationCounters?.SecondsClosed ?? 0);
            if (frames != Interlocked.Exchange(ref _lastFrames, frames))
            {
                _lastProgressTicks = Environment.TickCount64;
            }

            // A quiet link is healthy; a pipeline that stops closing seconds for a minute is not.
            return Environment.TickCount64 - _lastProgressTicks < 60_000 || frames == 0;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pipeline = _pipeline;
        var rates = new RateReporter(pipeline, sources, syslogOptions.Enabled ? syslog : null, logger);
        var names = string.Join(", ", sources.Select(s => s.Name));
        LogStarted(logger, names, capture.BufferMiB, capture.Filter);
        using var report = time.CreateTimer(_ => rates.Report(), null, ReportInterval, ReportInterval);

        // The pipeline blocks on native capture threads; keep it off the host's startup path.
        var sink = new FanOutSink(rates, Detection);
        var result = await Task.Run(() => pipeline.RunAsync(sink, stoppingToken), CancellationToken.None).ConfigureAwait(false);
        rates.Report();
        _stopped = true;
        if (result.FirstFault is { } fault)
        {
            LogFault(logger, fault.Message);
            Environment.ExitCode = Cli.ExitCodes.Unavailable;
            lifetime.StopApplication();
        }
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Capturing on {Interfaces} (buffer {BufferMiB} MiB, filter '{Filter}')")]
    private static partial void LogStarted(ILogger logger, string interfaces, int bufferMiB, string filter);

    [LoggerMessage(EventId = 101, Level = LogLevel.Critical, Message = "Capture stopped: {Reason}")]
    private static partial void LogFault(ILogger logger, string reason);
}
