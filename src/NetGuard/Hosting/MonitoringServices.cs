using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NetGuard.Alerting.Syslog;
using NetGuard.Configuration;
using NetGuard.Hosting.Metrics;
using NetGuard.Hosting.Reload;
using NetGuard.Hosting.Status;

namespace NetGuard.Hosting;

/// <summary>What lets an operator watch and steer the running daemon: configuration reload, metrics and the status file.</summary>
internal static class MonitoringServices
{
    /// <param name="enforcer">The counting wrapper around the real firewall; null for the dry-run enforcer, which never fails.</param>
    public static IServiceCollection AddNetGuardMonitoring(this IServiceCollection services, string? configFile, NetGuardSettings settings, CountingEnforcer? enforcer, SyslogCounters syslog)
    {
        services.AddSingleton(sp => new ConfigurationReloadService(
            configFile, settings, sp.GetRequiredService<CaptureService>(), sp.GetRequiredService<RemediationService>(), TimeProvider.System, sp.GetRequiredService<ILogger<ConfigurationReloadService>>()));
        services.AddHostedService(sp => sp.GetRequiredService<ConfigurationReloadService>());
        services.AddSingleton(sp => new MetricsService(
            settings.Metrics,
            () => new NetGuardMeter(sp.GetRequiredService<CaptureService>(), sp.GetRequiredService<RemediationService>(), enforcer, syslog, sp.GetRequiredService<ConfigurationReloadService>()),
            sp.GetRequiredService<ILogger<MetricsService>>()));
        services.AddHostedService(sp => sp.GetRequiredService<MetricsService>());
        services.AddHostedService(sp => new StatusWriter(
            settings.State.Directory, configFile, sp.GetRequiredService<CaptureService>(), sp.GetRequiredService<RemediationService>(),
            sp.GetRequiredService<ConfigurationReloadService>(), sp.GetRequiredService<MetricsService>(), TimeProvider.System, sp.GetRequiredService<ILogger<StatusWriter>>()));
        return services;
    }
}
