using Serilog.Core;
using Serilog.Events;

namespace NetGuard.Alerting.Syslog;

/// <summary>Stands in for the syslog sink when it is disabled, so configuration code needs no branch.</summary>
internal sealed class DisabledSink : ILogEventSink
{
    public static readonly DisabledSink Instance = new();

    public void Emit(LogEvent logEvent)
    {
    }
}
