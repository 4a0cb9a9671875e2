using Microsoft.Extensions.Logging;
using NetGuard.Remediation.Operator;

namespace NetGuard.Hosting;

/// <summary>
/// Watches the decisions file (<see cref="FileChangeWatcher"/>). A change that parses is handed on;
/// one that does not is logged and the last good content stays in force.
/// </summary>
internal sealed partial class DecisionsFileWatcher : IDisposable
{
    private readonly string _path;
    private readonly Action<OperatorDocument> _changed;
    private readonly ILogger _logger;
    private readonly FileChangeWatcher _watcher;

    public DecisionsFileWatcher(string path, TimeProvider time, Action<OperatorDocument> changed, ILogger logger)
    {
        _path = Path.GetFullPath(path);
        _changed = changed;
        _logger = logger;
        _watcher = new FileChangeWatcher(_path, time, Read);
    }

    public void Check() => _watcher.Check();

    public void Dispose() => _watcher.Dispose();

    private bool Read()
    {
        try
        {
            _changed(OperatorFile.Read(_path));
            return true;
        }
        catch (InvalidDataException e)
        {
            LogInvalid(_logger, e.Message);
            return true;
        }
        catch (IOException)
        {
            // Mid-write by an editor: the next poll sees the finished file.
            return false;
        }
    }

    [LoggerMessage(EventId = 402, Level = LogLevel.Error, Message = "{Message}; the last good decisions file stays in force")]
    private static partial void LogInvalid(ILogger logger, string message);
}
