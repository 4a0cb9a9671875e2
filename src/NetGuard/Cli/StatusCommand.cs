using System.Globalization;
using System.Text.Json;
using NetGuard.Configuration;
using NetGuard.Hosting.Status;

namespace NetGuard.Cli;

/// <summary>
/// <c>netguard status [--json]</c>: what the running daemon is doing, from the status file it rewrites
/// every second in <c>State:Directory</c>. No file, or one older than <see cref="StatusFile.StaleAfter"/>,
/// means no daemon is running: a clear line and <see cref="ExitCodes.NotRunning"/>.
/// </summary>
internal static class StatusCommand
{
    public static int Run(string? configFile, bool json, TextWriter stdout, TextWriter stderr, TimeProvider time)
    {
        var settings = NetGuardSettings.Load(configFile ?? Hosting.RunCommand.DefaultConfigFile());
        var path = StatusFile.PathIn(settings.State.Directory);
        var status = StatusFile.Read(path);
        var now = time.GetUtcNow();
        if (NotRunning(status, path, now) is { } reason)
        {
            if (json)
            {
                stdout.WriteLine(JsonSerializer.Serialize(new NotRunningStatus(false, reason), StatusFile.NotRunningInfo));
            }

            stderr.WriteLine($"netguard: {reason}");
            return ExitCodes.NotRunning;
        }

        if (json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(status!, StatusFile.StatusInfo));
        }
        else
        {
            Render(status!, stdout);
        }

        return ExitCodes.Ok;
    }

    /// <summary>Why the status says no daemon is running (none written, or stale), or null when it is current.</summary>
    internal static string? NotRunning(DaemonStatus? status, string path, DateTimeOffset now)
    {
        if (status is null)
        {
            return $"the daemon is not running (no {path}; netguard run writes it every second)";
        }

        var age = now - status.Updated;
        return age > StatusFile.StaleAfter
            ? string.Create(CultureInfo.InvariantCulture, $"the daemon is not running ({path} was last written {Duration(age)} ago, by pid {status.Pid})")
            : null;
    }

    internal static void Render(DaemonStatus s, TextWriter o)
    {
        var inv = CultureInfo.InvariantCulture;
        o.WriteLine(string.Create(inv, $"netguard running, pid {s.Pid}, up {Duration(s.Updated - s.Started)} (since {s.Started:yyyy-MM-dd HH:mm:ss} UTC)"));
        o.WriteLine($"config      {s.ConfigFile ?? "embedded defaults (no file)"}");
        var kinds = s.KindModes.Count == 0 ? "" : $" ({string.Join(", ", s.KindModes.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $"{k.Key}: {k.Value}"))})";
        o.WriteLine($"mode        {s.Mode}{kinds}, enforcer {s.Enforcer}");
        o.WriteLine($"metrics     {s.Metrics}");
        o.WriteLine(s.LastReload is { } r
            ? string.Create(inv, $"last reload {r.Time:yyyy-MM-dd HH:mm:ss} UTC: {r.Result}: {r.Message}")
            : "last reload none since the start");
        o.WriteLine();
        o.WriteLine($"{"INTERFACE",-16} {"PACKETS",14} {"BYTES",16} {"PPS",12} {"BIT/S",12} {"KERNEL DROP",12} {"PIPE DROP",12} {"DECODE ERR",12}");
        foreach (var i in s.Interfaces)
        {
            o.WriteLine(string.Create(inv, $"{i.Name,-16} {i.Packets,14} {i.Bytes,16} {i.PacketsPerSecond,12:0} {Bits(i.BytesPerSecond),12} {i.KernelDropped,12} {i.PipelineDropped,12} {i.DecodeErrors,12}"));
        }

        if (s.Interfaces.Count > 1)
        {
            o.WriteLine(string.Create(inv, $"{"total",-16} {s.Interfaces.Sum(i => i.Packets),14} {s.Interfaces.Sum(i => i.Bytes),16} {s.Interfaces.Sum(i => i.PacketsPerSecond),12:0} {Bits(s.Interfaces.Sum(i => i.BytesPerSecond)),12} {s.Interfaces.Sum(i => i.KernelDropped),12} {s.Interfaces.Sum(i => i.PipelineDropped),12} {s.Interfaces.Sum(i => i.DecodeErrors),12}"));
        }

        o.WriteLine();
        o.WriteLine(string.Create(inv, $"hosts tracked {s.HostsTracked}, flows {s.FlowsTracked}, alerts {s.Alerts}"));
        o.WriteLine(string.Create(inv, $"blocks      {s.ActiveBlocks} active, {s.PendingProposals} pending proposal{(s.PendingProposals == 1 ? "" : "s")} (netguard blocks lists them)"));
    }

    /// <summary>"3d 04h 05m", "2h 03m 04s", "42s": as long as needed, no longer.</summary>
    internal static string Duration(TimeSpan t)
    {
        if (t < TimeSpan.Zero)
        {
            t = TimeSpan.Zero;
        }

        return t.TotalDays >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalDays}d {t.Hours:00}h {t.Minutes:00}m")
            : t.TotalHours >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}h {t.Minutes:00}m {t.Seconds:00}s")
            : t.TotalMinutes >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalMinutes}m {t.Seconds:00}s")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalSeconds}s");
    }

    /// <summary>Bytes a second as bits a second with an SI prefix: "12.3M".</summary>
    private static string Bits(double bytesPerSecond)
    {
        var bits = bytesPerSecond * 8;
        return bits >= 1e9 ? (bits / 1e9).ToString("0.0G", CultureInfo.InvariantCulture)
            : bits >= 1e6 ? (bits / 1e6).ToString("0.0M", CultureInfo.InvariantCulture)
            : bits >= 1e3 ? (bits / 1e3).ToString("0.0k", CultureInfo.InvariantCulture)
            : bits.ToString("0", CultureInfo.InvariantCulture);
    }
}
