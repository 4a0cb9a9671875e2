using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;

namespace NetGuard.Hosting;

/// <summary>
/// Pings systemd's watchdog (WatchdogSec in the unit) at half its interval while the capture loop
/// is alive; if capture dies or hangs, the pings stop and systemd restarts the service.
/// </summary>
internal sealed class WatchdogService(ISystemdNotifier notifier, CaptureService capture, TimeProvider time) : BackgroundService
{
    private static readonly ServiceState Ping = new("WATCHDOG=1");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var usec = Environment.GetEnvironmentVariable("WATCHDOG_USEC");
        if (!notifier.IsEnabled || !long.TryParse(usec, out var micros) || micros <= 0)
        {
            return;
        }

        var interval = TimeSpan.FromMicroseconds(micros / 2);
        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            if (capture.IsHealthy)
            {
                notifier.Notify(Ping);
            }
        }
    }
}
