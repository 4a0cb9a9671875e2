using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Hosting;
using NetGuard.Aggregation;
using NetGuard.Capture.Live;
using NetGuard.Alerting;
using NetGuard.Alerting.Syslog;
using NetGuard.Configuration;
using Microsoft.Extensions.Logging;
using NetGuard.Core.Capture;
using NetGuard.Core.Remediation;
using NetGuard.Hosting.Metrics;
using NetGuard.Remediation;
using NetGuard.Remediation.Enforcement;
using NetGuard.Remediation.Engine;
using NetGuard.Remediation.Operator;
using Serilog;

namespace NetGuard.Hosting;

/// <summary>
/// <c>netguard run</c>: the service. Configuration is validated and every interface opened before
/// the host starts, so a service that says "running" is capturing.
/// </summary>
internal static class RunCommand
{
    public static async Task<int> RunAsync(string? configFile, CancellationToken cancellationToken)
    {
        configFile ??= DefaultConfigFile();
        var settings = NetGuardSettings.Load(configFile);
        var (configuration, capture, aggregation, detection, remediation, state, syslog, _) = settings;
        var firewall = EnforcerFactory.Create(remediation);
        var counting = firewall is DryRunEnforcer ? null : new CountingEnforcer(firewall);
        var enforcer = (IFirewallEnforcer?)counting ?? firewall;
        var syslogCounters = new SyslogCounters();

        var interfaces = capture.Interfaces.Count > 0 ? capture.Interfaces.ToList() : [InterfaceCatalog.DefaultInterface()];
        var sources = new List<IPacketSource>();
        try
        {
            foreach (var name in interfaces)
            {
                sources.Add(LiveCaptureSource.Open(name, capture));
            }

            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
            {
                DisableDefaults = true,
                ApplicationName = "netguard",
            });
            builder.Configuration.AddConfiguration(configuration);
            builder.Services.AddSystemd();
            builder.Services.AddWindowsService(o => o.ServiceName = "NetGuard");
            builder.Services.AddSerilog((services, logger) => logger
                .MinimumLevel.Information()
                .Enrich.FromLogContext()
                .WriteTo.Console(outputTemplate: SystemdHelpers.IsSystemdService()
                    ? "[{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}"
                    : "{Timestamp:HH:mm:ss} [{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}")
                .WriteTo.Syslog(syslog, syslogCounters, TimeProvider.System));
            builder.Services.AddSingleton(syslogCounters);
            builder.Services.AddSingleton(syslog);
            builder.Services.AddSingleton<IReadOnlyList<IPacketSource>>(sources);
            builder.Services.AddSingleton(capture);
            builder.Services.AddSingleton(aggregation);
            builder.Services.AddSingleton(detection);
            builder.Services.AddSingleton(remediation);
            builder.Services.AddSingleton(sp => RemediationEngineFactory.Create(
                remediation, enforcer, state.Directory, protectHost: true, TimeProvider.System,
                new DecisionLogSink(sp.GetRequiredService<ILogger<RemediationService>>()), sp.GetRequiredService<ILogger<RemediationService>>()));
            builder.Services.AddSingleton<RemediationService>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<RemediationService>());
            builder.Services.AddSingleton(TimeProvider.System);
            builder.Services.AddSingleton<CaptureService>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<CaptureService>());
            builder.Services.AddNetGuardMonitoring(configFile, settings, counting, syslogCounters);
            if (SystemdHelpers.IsSystemdService())
            {
                builder.Services.AddHostedService<WatchdogService>();
            }

            using var host = builder.Build();
            try
            {
                // The firewall is prepared and the journal read before the host says it runs:
                // a failure here is one line and exit 3 (or 2 for a bad journal), not a started service.
                await host.Services.GetRequiredService<RemediationEngine>().StartAsync(PendingDecisions(remediation.DecisionsFile), cancellationToken).ConfigureAwait(false);
                await host.RunAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (RemediationUnavailableException e)
            {
                await Console.Error.WriteLineAsync($"netguard: {e.Message}").ConfigureAwait(false);
                return Cli.ExitCodes.Unavailable;
            }
            catch (InvalidDataException e)
            {
                await Console.Error.WriteLineAsync($"netguard: {e.Message}").ConfigureAwait(false);
                return Cli.ExitCodes.BadInput;
            }

            return Environment.ExitCode != 0 ? Environment.ExitCode : Cli.ExitCodes.Ok;
        }
        finally
        {
            foreach (var source in sources)
            {
                source.Dispose();
            }
        }
    }

    /// <summary>The decisions file at start; null when it cannot be read (the watcher reports why once the host runs).</summary>
    private static OperatorDocument? PendingDecisions(string path)
    {
        try
        {
            return OperatorFile.Read(path);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    internal static string? DefaultConfigFile()
    {
        var path = OperatingSystem.IsWindows()
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData), "NetGuard", "netguard.json")
            : "/etc/netguard/netguard.json";
        return File.Exists(path) ? path : null;
    }
}
