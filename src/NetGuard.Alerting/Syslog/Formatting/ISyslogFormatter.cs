using Serilog.Events;

namespace NetGuard.Alerting.Syslog.Formatting;

/// <summary>Turns one log event into one syslog message (without transport framing).</summary>
internal interface ISyslogFormatter
{
    byte[] Format(LogEvent logEvent);
}
