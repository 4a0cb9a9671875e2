namespace NetGuard.Alerting.Syslog;

/// <summary>The syslog message format (<c>NetGuard:Alerts:Syslog:Format</c>).</summary>
public enum SyslogFormat
{
    /// <summary>RFC 5424, with alert fields as structured data.</summary>
    Rfc5424,

    /// <summary>RFC 3164 (BSD); on a local socket without the hostname, as <c>syslog(3)</c> writes it.</summary>
    Rfc3164,
}
