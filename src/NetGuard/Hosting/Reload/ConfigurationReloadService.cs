using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NetGuard.Configuration;
using NetGuard.Hosting.Status;

namespace NetGuard.Hosting.Reload;

/// <summary>
/// Reloads the configuration file when it changes (<see cref="FileChangeWatcher"/>, as for the
/// decisions file) with the validation of the start (<see cref="NetGuardSettings.Load"/>). A valid file
/// hands detection and remediation their new settings; keys that only a restart applies are named in
/// a warning and keep their running values. An invalid file is logged with its message and the last
/// good configuration stays in force.
/// </summary>
internal sealed partial class ConfigurationReloadService(
    string? configFile,
    NetGuardSettings running,
    CaptureService capture,
    RemediationService remediation,
    TimeProvider time,
    ILogger<ConfigurationReloadService> logger) : IHostedService, IDisposable
{
    private readonly NetGuardSettings _running = running;
    private NetGuardSettings _current = running;
    private FileChangeWatcher? _watcher;
    private byte[] _content = [];
    private ReloadStatus? _last;
    private long _applied;
    private long _rejected;

    /// <summary>The last reload's outcome, or null when the file has not changed since the start.</summary>
    public ReloadStatus? Last => Volatile.Read(ref _last);

    public long Applied => Interlocked.Read(ref _applied);

    public long Rejected => Interlocked.Read(ref _rejected);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (configFile is null)
        {
            LogNoFile(logger);
            return Task.CompletedTask;
        }

        _content = ReadContent() ?? [];
        _watcher = new FileChangeWatcher(configFile, time, Reload);
        _watcher.MarkSeen();
        LogWatching(logger, Path.GetFullPath(configFile));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _watcher = null;
    }

    /// <summary>Reads, validates and applies the file; false only when it could not be read (mid-write), to retry.</summary>
    internal bool Reload()
    {
        // A file saved again with the same content (or touched) changes nothing and says nothing.
        var content = ReadContent();
        if (content is not null && content.AsSpan().SequenceEqual(_content))
        {
            return true;
        }

        _content = content ?? [];
        NetGuardSettings next;
        try
        {
            next = NetGuardSettings.Load(configFile);
        }
        catch (Exception e) when (e is ConfigurationException or UnauthorizedAccessException)
        {
            Interlocked.Increment(ref _rejected);
            Volatile.Write(ref _last, new ReloadStatus(time.GetUtcNow(), "rejected", e.Message));
            LogRejected(logger, e.Message);
            return true;
        }
        catch (IOException)
        {
            return false;
        }

        var changed = SettingsDiff.RunTime(_current, next);
        var restart = SettingsDiff.NeedRestart(_running, next);
        capture.Detection.Reconfigure(next.Detection);
        remediation.Reconfigure(next.Remediation);
        _current = next;
        Interlocked.Increment(ref _applied);
        var summary = changed.Count == 0 ? "no run-time setting changed" : string.Join(", ", changed);
        if (restart.Count > 0)
        {
            summary += $"; restart netguard to apply {string.Join(", ", restart)}";
            LogRestartNeeded(logger, string.Join(", ", restart));
        }

        Volatile.Write(ref _last, new ReloadStatus(time.GetUtcNow(), "applied", summary));
        LogApplied(logger, changed.Count == 0 ? "no run-time setting changed" : string.Join(", ", changed));
        return true;
    }

    private byte[]? ReadContent()
    {
        try
        {
            return File.ReadAllBytes(configFile!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    [LoggerMessage(EventId = 500, Level = LogLevel.Information, Message = "Configuration {File} is watched; thresholds, allowlist and modes change when it does")]
    private static partial void LogWatching(ILogger logger, string file);

    [LoggerMessage(EventId = 501, Level = LogLevel.Information, Message = "No configuration file (embedded defaults and environment): nothing to reload")]
    private static partial void LogNoFile(ILogger logger);

    [LoggerMessage(EventId = 502, Level = LogLevel.Information, Message = "Configuration reloaded: {Changed}")]
    private static partial void LogApplied(ILogger logger, string changed);

    [LoggerMessage(EventId = 503, Level = LogLevel.Error, Message = "Configuration reload rejected: {Message}; the last good configuration stays in force")]
    private static partial void LogRejected(ILogger logger, string message);

    [LoggerMessage(EventId = 504, Level = LogLevel.Warning, Message = "Configuration changed {Keys}: restart netguard to apply (they keep their running values until then)")]
    private static partial void LogRestartNeeded(ILogger logger, string keys);
}
