using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Hosting;
using NetGuard.Aggregation;
using NetGuard.Capture.Live;
using NetGuard.Configuration;
using NetGuard.Core.Capture;
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
        var configuration = NetGuardConfiguration.Build(configFile);
        var capture = NetGuardConfiguration.Capture(configuration);
        var aggregation = NetGuardConfiguration.Aggregation(configuration);
        var detection = NetGuardConfiguration.Detection(configuration);

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
                    : "{Timestamp:HH:mm:ss} [{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}"));
            builder.Services.AddSingleton<IReadOnlyList<IPacketSource>>(sources);
            builder.Services.AddSingleton(capture);
            builder.Services.AddSingleton(aggregation);
            builder.Services.AddSingleton(detection);
            builder.Services.AddSingleton(TimeProvider.System);
            builder.Services.AddHostedService<CaptureService>();

            using var host = builder.Build();
            await host.RunAsync(cancellationToken).ConfigureAwait(false);
            return Cli.ExitCodes.Ok;
        }
        finally
        {
            foreach (var source in sources)
            {
                source.Dispose();
            }
        }
    }

    private static string? DefaultConfigFile()
    {
        var path = OperatingSystem.IsWindows()
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData), "NetGuard", "netguard.json")
            : "/etc/netguard/netguard.json";
        return File.Exists(path) ? path : null;
    }
}
