using System.Net;
using NetGuard.Alerting.Syslog.Formatting;
using NetGuard.Alerting.Syslog.Transports;

namespace NetGuard.Alerting.Syslog;

/// <summary>Builds the formatter and transport that validated options describe.</summary>
internal static class SyslogSinkFactory
{
    public static SyslogSink Create(SyslogOptions options, SyslogCounters counters, TimeProvider timeProvider)
    {
        var transport = CreateTransport(options, counters);
        return new SyslogSink(options, CreateFormatter(options, Dns.GetHostName(), Environment.ProcessId, TimeZoneInfo.Local), transport, counters, timeProvider);
    }

    public static ISyslogFormatter CreateFormatter(SyslogOptions options, string hostName, int processId, TimeZoneInfo timeZone) =>
        options.EffectiveFormat switch
        {
            SyslogFormat.Rfc3164 => new Rfc3164Formatter(options.Facility, options.Transport == SyslogTransport.Unix ? null : hostName,
                options.AppName, processId, timeZone, options.MaxMessageBytes),
            _ => new Rfc5424Formatter(options.Facility, hostName, options.AppName, processId, options.StructuredDataId, options.MaxMessageBytes),
        };

    public static ISyslogTransport CreateTransport(SyslogOptions options, SyslogCounters counters) => options.Transport switch
    {
        SyslogTransport.Udp => new UdpTransport(options.EffectiveAddress, options.Port, counters),
        SyslogTransport.Tcp => new TcpTransport(options.EffectiveAddress, options.Port, counters),
        _ => new UnixDatagramTransport(options.EffectiveAddress, counters),
    };
}
