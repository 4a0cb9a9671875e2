using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace NetGuard.Hosting.Metrics;

/// <summary>
/// Serves the <see cref="NetGuardMeter"/> as Prometheus text on <c>NetGuard:Metrics:Listen</c>. A port
/// that cannot be bound logs one warning and capture goes on without metrics: monitoring must never
/// stop detection.
/// </summary>
internal sealed partial class MetricsService(MetricsOptions options, Func<NetGuardMeter> meter, ILogger<MetricsService> logger) : IHostedService, IDisposable
{
    private NetGuardMeter? _meter;
    private MeterProvider? _provider;

    /// <summary>Where metrics are served ("http://127.0.0.1:9108/metrics"), "off", or "unavailable: why"; for status.</summary>
    public string Endpoint { get; private set; } = "off";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.IsOn())
        {
            LogOff(logger);
            return Task.CompletedTask;
        }

        if (!MetricsEndpoint.TryParse(options.Listen, out var endpoint, out var error))
        {
            // Validated at start (NetGuardConfiguration.Metrics); kept for a caller that skipped it.
            throw new InvalidOperationException($"{MetricsOptions.Section}:Listen = {options.Listen}: {error}");
        }

        try
        {
            _provider = Sdk.CreateMeterProviderBuilder()
                .ConfigureResource(r => r.AddService("netguard"))
                .AddMeter(NetGuardMeter.Name)
                .AddPrometheusHttpListener(o =>
                {
                    o.Host = endpoint.Host;
                    o.Port = endpoint.Port;
                    o.ScrapeEndpointPath = MetricsEndpoint.Path;
                })
                .Build();
            // The provider listens for meters named NetGuard, so the meter is made once the port is ours.
            _meter = meter();
            Endpoint = endpoint.Url;
            LogServing(logger, Endpoint);
        }
        catch (Exception e) when (e is InvalidOperationException or System.Net.HttpListenerException or System.Net.Sockets.SocketException)
        {
            var reason = (e.InnerException ?? e).Message;
            Endpoint = $"unavailable: {reason}";
            LogUnavailable(logger, options.Listen, reason);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _provider?.Dispose();
        _provider = null;
        _meter?.Dispose();
        _meter = null;
    }

    [LoggerMessage(EventId = 600, Level = LogLevel.Information, Message = "Metrics (Prometheus text) at {Endpoint}")]
    private static partial void LogServing(ILogger logger, string endpoint);

    [LoggerMessage(EventId = 601, Level = LogLevel.Information, Message = "Metrics are off (NetGuard:Metrics)")]
    private static partial void LogOff(ILogger logger);

    [LoggerMessage(EventId = 602, Level = LogLevel.Warning, Message = "Metrics unavailable: cannot listen on {Listen} ({Reason}); capture and detection go on without them (NetGuard:Metrics:Listen)")]
    private static partial void LogUnavailable(ILogger logger, string listen, string reason);
}
