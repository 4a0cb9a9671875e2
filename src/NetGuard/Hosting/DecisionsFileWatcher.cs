using Microsoft.Extensions.Logging;
using NetGuard.Remediation.Operator;

namespace NetGuard.Hosting;

/// <summary>
/// Watches the decisions file (a file-system watcher, and a poll every two seconds for editors and
/// file systems that don't raise events). A change that parses is handed on; one that does not is
/// logged and the last good content stays in force.
/// </summary>
internal sealed partial class DecisionsFileWatcher : IDisposable
{
    private readonly string _path;
    private readonly Action<OperatorDocument> _changed;
    private readonly ILogger _logger;
    private readonly FileSystemWatcher? _watcher;
    private readonly ITimer _poll;
    private readonly Lock _lock = new();
    private (DateTime, long) _seen = (DateTime.MinValue, -1);

    public DecisionsFileWatcher(string path, TimeProvider time, Action<OperatorDocument> changed, ILogger logger)
    {
        _path = Path.GetFullPath(path);
        _changed = changed;
        _logger = logger;
        var directory = Path.GetDirectoryName(_path)!;
        if (Directory.Exists(directory))
        {
            _watcher = new FileSystemWatcher(directory, Path.GetFileName(_path)) { NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size };
            _watcher.Changed += (_, _) => Check();
            _watcher.Created += (_, _) => Check();
            _watcher.Renamed += (_, _) => Check();
            _watcher.EnableRaisingEvents = true;
        }

        _poll = time.CreateTimer(_ => Check(), null, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2));
    }

    public void Check()
    {
        lock (_lock)
        {
            var info = new FileInfo(_path);
            var stamp = info.Exists ? (info.LastWriteTimeUtc, info.Length) : (DateTime.MinValue, -1);
            if (stamp == _seen)
            {
                return;
            }

            try
            {
                var document = OperatorFile.Read(_path);
                _seen = stamp;
                _changed(document);
            }
            catch (InvalidDataException e)
            {
                _seen = stamp;
                LogInvalid(_logger, e.Message);
            }
            catch (IOException)
            {
                // Mid-write by an editor: the next poll sees the finished file.
            }
        }
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _poll.Dispose();
    }

    [LoggerMessage(EventId = 402, Level = LogLevel.Error, Message = "{Message}; the last good decisions file stays in force")]
    private static partial void LogInvalid(ILogger logger, string message);
}
