namespace NetGuard.Hosting;

/// <summary>
/// Calls back when a file's time or size changes: a file-system watcher for prompt edits, and a
/// poll every two seconds for editors and file systems that don't raise events. An event is acted on
/// once the file has been quiet for a quarter of a second, so a file being written is read once,
/// finished, not half-way. The callback says whether it took the change; false (a file caught
/// mid-write) makes the next event or poll retry.
/// </summary>
internal sealed class FileChangeWatcher : IDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(250);
    private readonly string _path;
    private readonly Func<bool> _changed;
    private readonly FileSystemWatcher? _watcher;
    private readonly ITimer _poll;
    private readonly ITimer _settle;
    private readonly Lock _lock = new();
    private (DateTime, long) _seen = (DateTime.MinValue, -1);

    public FileChangeWatcher(string path, TimeProvider time, Func<bool> changed)
    {
        _path = Path.GetFullPath(path);
        _changed = changed;
        _settle = time.CreateTimer(_ => Check(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        var directory = Path.GetDirectoryName(_path)!;
        if (Directory.Exists(directory))
        {
            _watcher = new FileSystemWatcher(directory, Path.GetFileName(_path)) { NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size };
            _watcher.Changed += (_, _) => Soon();
            _watcher.Created += (_, _) => Soon();
            _watcher.Renamed += (_, _) => Soon();
            _watcher.EnableRaisingEvents = true;
        }

        _poll = time.CreateTimer(_ => Check(), null, PollInterval, PollInterval);
    }

    /// <summary>Marks the file as it is now as seen, so only later changes call back (the content was already read at start).</summary>
    public void MarkSeen()
    {
        lock (_lock)
        {
            _seen = Stamp();
        }
    }

    public void Check()
    {
        lock (_lock)
        {
            var stamp = Stamp();
            if (stamp != _seen && _changed())
            {
                _seen = stamp;
            }
        }
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _poll.Dispose();
        _settle.Dispose();
    }

    /// <summary>Checks a quarter of a second after the last event (each event restarts the wait).</summary>
    private void Soon() => _settle.Change(Settle, Timeout.InfiniteTimeSpan);

    private (DateTime, long) Stamp()
    {
        var info = new FileInfo(_path);
        return info.Exists ? (info.LastWriteTimeUtc, info.Length) : (DateTime.MinValue, -1);
    }
}
