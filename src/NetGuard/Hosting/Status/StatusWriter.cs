using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetGuard.Core.Remediation;
using NetGuard.Hosting.Metrics;
using NetGuard.Hosting.Reload;

namespace NetGuard.Hosting.Status;

/// <summary>
/// Writes <see cref="DaemonStatus"/> to the state directory every second, from counters the daemon
/// keeps anyway, and removes it on a clean stop (after a crash it goes stale instead).
/// </summary>
internal sealed partial class StatusWriter(
    string stateDirectory,
    string? configFile,
    CaptureService capture,
    RemediationService remediation,
    ConfigurationReloadService reload,
    MetricsService metrics,
    TimeProvider time,
    ILogger<StatusWriter> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private readonly string _path = StatusFile.PathIn(stateDirectory);
    private readonly DateTimeOffset _started = time.GetUtcNow();
    private (long Frames, long Bytes)[] _previous = [];
    private long _previousTimestamp;
    private bool _failing;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            do
            {
                Write();
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            Remove();
        }
    }

    internal DaemonStatus Collect()
    {
        var now = time.GetUtcNow();
        var timestamp = time.GetTimestamp();
        var seconds = _previousTimestamp == 0 ? 0 : time.GetElapsedTime(_previousTimestamp, timestamp).TotalSeconds;
        var sources = capture.Sources;
        var counters = capture.Pipeline.SourceCounters;
        var current = new (long Frames, long Bytes)[sources.Count];
        var interfaces = new List<InterfaceStatus>(sources.Count);
        for (var i = 0; i < sources.Count; i++)
        {
            var c = counters[i];
            current[i] = (c.Frames, c.FrameBytes);
            var (lastFrames, lastBytes) = i < _previous.Length ? _previous[i] : current[i];
            var kernel = sources[i].KernelStatistics;
            interfaces.Add(new InterfaceStatus(
                sources[i].Name,
                current[i].Frames,
                current[i].Bytes,
                seconds > 0 ? Math.Round((current[i].Frames - lastFrames) / seconds, 1) : 0,
                seconds > 0 ? Math.Round((current[i].Bytes - lastBytes) / seconds, 1) : 0,
                kernel.Dropped + kernel.InterfaceDropped,
                c.PipelineDroppedPackets,
                c.DecodeErrors));
        }

        _previous = current;
        _previousTimestamp = timestamp;
        var options = remediation.Options;
        var byState = remediation.DecisionsByState;
        return new DaemonStatus
        {
            Pid = Environment.ProcessId,
            Started = _started,
            Updated = now,
            ConfigFile = configFile is null ? null : Path.GetFullPath(configFile),
            Mode = options.Mode.ToString(),
            KindModes = options.KindModes.ToDictionary(kv => kv.Key, kv => kv.Value.ToString(), StringComparer.Ordinal),
            Enforcer = remediation.EnforcerName,
            Metrics = metrics.Endpoint,
            Interfaces = interfaces,
            HostsTracked = capture.Detection.Counters.HostsTracked,
            FlowsTracked = capture.Pipeline.AggregationCounters?.FlowsTracked ?? 0,
            Alerts = capture.Detection.Counters.TotalAlerts,
            ActiveBlocks = byState[(int)DecisionState.Active],
            PendingProposals = byState[(int)DecisionState.Proposed],
            Reloads = reload.Applied + reload.Rejected,
            LastReload = reload.Last,
        };
    }

    private void Write()
    {
        try
        {
            Directory.CreateDirectory(stateDirectory);
            StatusFile.Write(_path, Collect());
            _failing = false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // One warning, not one a second: status is a view, capture goes on without it.
            if (!_failing)
            {
                LogFailed(logger, _path, e.Message);
                _failing = true;
            }
        }
    }

    /// <summary>A clean stop leaves no status behind, so <c>netguard status</c> says at once that nothing runs.</summary>
    private void Remove()
    {
        try
        {
            File.Delete(_path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The file goes stale within seconds instead.
        }
    }

    [LoggerMessage(EventId = 610, Level = LogLevel.Warning, Message = "Cannot write the status file {Path}: {Reason}; netguard status will say the daemon is not running")]
    private static partial void LogFailed(ILogger logger, string path, string reason);
}
