using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace NetGuard.Alerting.Tests.Support;

internal sealed class CollectingFailureListener : ILoggingFailureListener
{
    public ConcurrentQueue<(LoggingFailureKind Kind, string Message, IReadOnlyCollection<LogEvent>? Events, Exception? Exception)> Failures { get; } = new();

    public void OnLoggingFailed(object sender, LoggingFailureKind kind, string message, IReadOnlyCollection<LogEvent>? events, Exception? exception) =>
        Failures.Enqueue((kind, message, events, exception));
}
