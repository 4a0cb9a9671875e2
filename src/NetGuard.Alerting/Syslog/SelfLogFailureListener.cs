using Serilog.Core;
using Serilog.Debugging;
using Serilog.Events;

namespace NetGuard.Alerting.Syslog;

/// <summary>Serilog's behaviour when no failure listener is set: SelfLog, silent unless enabled.</summary>
internal sealed class SelfLogFailureListener : ILoggingFailureListener
{
    public static readonly SelfLogFailureListener Instance = new();

    public void OnLoggingFailed(object sender, LoggingFailureKind kind, string message, IReadOnlyCollection<LogEvent>? events, Exception? exception) =>
        SelfLog.WriteLine("{0} ({1}): {2}", sender, kind, exception is null ? message : message + ": " + exception.Message);
}
