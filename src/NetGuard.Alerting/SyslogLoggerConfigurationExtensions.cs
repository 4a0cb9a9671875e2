using Microsoft.Extensions.Configuration;
using NetGuard.Alerting.Syslog;
using Serilog;
using Serilog.Configuration;
using Serilog.Events;

namespace NetGuard.Alerting;

/// <summary><c>WriteTo.Syslog(...)</c>: NetGuard's own syslog sink for Serilog.</summary>
public static class SyslogLoggerConfigurationExtensions
{
    /// <summary>
    /// Writes events at or above <see cref="SyslogOptions.MinimumLevel"/> to syslog, or nothing when
    /// <see cref="SyslogOptions.Enabled"/> is false. Invalid options throw
    /// <see cref="Microsoft.Extensions.Options.OptionsValidationException"/> here, at configuration time.
    /// </summary>
    /// <param name="sinkConfiguration">Serilog's <c>WriteTo</c>.</param>
    /// <param name="options">The syslog options, usually from <see cref="SyslogConfiguration.Read"/>.</param>
    /// <param name="counters">Receives sent, dropped, buffered and reconnect counts (for metrics); optional.</param>
    /// <param name="timeProvider">Clock for backoff and the flush timeout; the system clock by default.</param>
    public static LoggerConfiguration Syslog(this LoggerSinkConfiguration sinkConfiguration, SyslogOptions options,
        SyslogCounters? counters = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(sinkConfiguration);
        ArgumentNullException.ThrowIfNull(options);
        SyslogOptionsValidator.ThrowIfInvalid(options);
        if (!options.Enabled)
        {
            return sinkConfiguration.Sink(DisabledSink.Instance, LevelAlias.Off);
        }

        var sink = SyslogSinkFactory.Create(options, counters ?? new SyslogCounters(), timeProvider ?? TimeProvider.System);
        return sinkConfiguration.Sink(sink, options.MinimumLevel);
    }

    /// <summary>
    /// Reads <c>NetGuard:Alerts:Syslog</c> from <paramref name="configuration"/>. This is also the method
    /// Serilog.Settings.Configuration calls for <c>{ "Name": "Syslog" }</c> in <c>Serilog:WriteTo</c>
    /// (with <c>"Using": ["NetGuard.Alerting"]</c>); it supplies the configuration itself.
    /// </summary>
    public static LoggerConfiguration Syslog(this LoggerSinkConfiguration sinkConfiguration, IConfiguration configuration) =>
        sinkConfiguration.Syslog(SyslogConfiguration.Read(configuration));
}
