using NetGuard.Alerting.Syslog;

namespace NetGuard.Alerting.Tests.Support;

/// <summary>Options with short delays so that outages and retries fit in a test.</summary>
internal static class TestOptions
{
    public static SyslogOptions Create(SyslogTransport transport, string? address, int port = 514, SyslogFormat? format = null, int bufferEvents = 10_000) => new()
    {
        Enabled = true,
        Transport = transport,
        Address = address,
        Port = port,
        Format = format,
        BufferEvents = bufferEvents,
        MinimumLevel = Serilog.Events.LogEventLevel.Verbose,
        ReconnectDelay = TimeSpan.FromMilliseconds(20),
        MaxReconnectDelay = TimeSpan.FromMilliseconds(200),
        SendTimeout = TimeSpan.FromSeconds(2),
        FlushTimeout = TimeSpan.FromSeconds(3),
    };
}
