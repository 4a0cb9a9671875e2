namespace NetGuard.Alerting.Syslog;

/// <summary>How syslog messages leave the process (<c>NetGuard:Alerts:Syslog:Transport</c>).</summary>
public enum SyslogTransport
{
    /// <summary>A local datagram socket such as <c>/dev/log</c>, the way <c>syslog(3)</c> writes.</summary>
    Unix,

    /// <summary>One UDP datagram per message (RFC 5426); no delivery feedback.</summary>
    Udp,

    /// <summary>TCP with octet-counting framing (RFC 6587 section 3.4.1).</summary>
    Tcp,
}
