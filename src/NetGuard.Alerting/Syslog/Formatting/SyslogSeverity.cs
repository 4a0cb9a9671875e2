using Serilog.Events;

namespace NetGuard.Alerting.Syslog.Formatting;

/// <summary>PRI = facility × 8 + severity (RFC 5424 section 6.2.1), severity from the Serilog level.</summary>
internal static class SyslogSeverity
{
    /// <summary>
    /// Fatal maps to critical, not emergency: emergency means "system is unusable" and the stock
    /// rsyslog configuration writes it to every logged-in terminal.
    /// </summary>
    public static int From(LogEventLevel level) => level switch
    {
        LogEventLevel.Fatal => 2,
        LogEventLevel.Error => 3,
        LogEventLevel.Warning => 4,
        LogEventLevel.Information => 6,
        _ => 7,
    };

    public static int Priority(SyslogFacility facility, LogEventLevel level) => ((int)facility * 8) + From(level);
}
