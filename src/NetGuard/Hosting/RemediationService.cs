using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetGuard.Core.Detection;
using NetGuard.Core.Remediation;
using NetGuard.Remediation;
using NetGuard.Remediation.Engine;

namespace NetGuard.Hosting;

/// <summary>
/// Runs the decision engine on one loop: alerts from detection, edits of the decisions file,
/// expiry every second and reconciliation at its interval all arrive as work items, one at a time.
/// Detection never waits for the firewall.
/// </summary>
internal sealed partial class RemediationService(
    RemediationEngine engine,
    RemediationOptions options,
    TimeProvider time,
    ILogger<RemediationService> logger) : BackgroundService, IAnomalySink
{
    private readonly Channel<Func<CancellationToken, Task>> _work = Channel.CreateBounded<Func<CancellationToken, Task>>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private long _dropped;
    private int[] _byState = new int[Enum.GetValues<DecisionState>().Length];
    private RemediationOptions? _reloaded;
    private RemediationOptions? _pending;

    /// <summary>Alerts dropped because the engine was 10,000 items behind (the firewall hung); counted, never blocking detection.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Decisions in the journal by <see cref="DecisionState"/>, as of the loop's last work item (safe from any thread).</summary>
    public IReadOnlyList<int> DecisionsByState => Volatile.Read(ref _byState);

    /// <summary>The remediation settings in force (the last good reload, or the start's).</summary>
    public RemediationOptions Options => Volatile.Read(ref _reloaded) ?? options;

    public string EnforcerName => engine.EnforcerName;

    /// <summary>
    /// Hands new settings to the engine on its loop, before its next work item (within a second: expiry
    /// posts one every second), so a full queue can delay a reload but never lose it.
    /// </summary>
    public void Reconfigure(RemediationOptions next)
    {
        Volatile.Write(ref _reloaded, next);
        Volatile.Write(ref _pending, next);
    }

    public void OnAnomaly(Anomaly anomaly) => Post(ct => engine.OnAnomalyAsync(anomaly, ct));

    /// <summary>The engine was started (journal read, firewall prepared, reconciled) before the host, by <see cref="RunCommand"/>.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        LogStarted(logger, engine.EnforcerName, options.Mode.ToString(), options.DecisionsFile, engine.Decisions.Count(d => d.IsLive));
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var watcher = new DecisionsFileWatcher(options.DecisionsFile, time, document => Post(ct => engine.ApplyOperatorAsync(document, ct)), logger);
        using var expiry = time.CreateTimer(_ => Post(engine.ExpireAsync), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        using var reconcile = time.CreateTimer(_ => Post(engine.ReconcileAsync), null, options.ReconcileInterval, options.ReconcileInterval);
        watcher.Check();
        CountDecisions();
        try
        {
            while (await _work.Reader.WaitToReadAsync(stoppingToken).ConfigureAwait(false))
            {
                while (_work.Reader.TryRead(out var item))
                {
                    ApplyPendingSettings();
                    try
                    {
                        await item(stoppingToken).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        // The journal is written before every action, so a failed item leaves consistent state; keep going.
                        LogFailed(logger, e.Message);
                    }
                }

                CountDecisions();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private void ApplyPendingSettings()
    {
        if (Interlocked.Exchange(ref _pending, null) is not { } next)
        {
            return;
        }

        try
        {
            engine.Reconfigure(next);
        }
        catch (FormatException e)
        {
            // Validated before it got here; should the guards still refuse it, the engine keeps its settings.
            LogFailed(logger, e.Message);
        }
    }

    /// <summary>Counts decisions by state on the loop, the only thread that touches the engine, for status and metrics.</summary>
    private void CountDecisions()
    {
        var counts = new int[_byState.Length];
        foreach (var decision in engine.Decisions)
        {
            counts[(int)decision.State]++;
        }

        Volatile.Write(ref _byState, counts);
    }

    private void Post(Func<CancellationToken, Task> item)
    {
        if (!_work.Writer.TryWrite(item))
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    [LoggerMessage(EventId = 400, Level = LogLevel.Information, Message = "Remediation with {Enforcer} in {Mode} mode; decisions file {File}; {Live} decisions live")]
    private static partial void LogStarted(ILogger logger, string enforcer, string mode, string file, int live);

    [LoggerMessage(EventId = 401, Level = LogLevel.Error, Message = "Remediation step failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
