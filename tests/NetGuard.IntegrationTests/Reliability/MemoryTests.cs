using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using NetGuard.Testing;
using NetGuard.Testing.Lab;

namespace NetGuard.IntegrationTests.Reliability;

/// <summary>
/// Ten million spoofed sources through <c>netguard replay</c>, the daemon's pipeline and decision
/// engine: peak RSS (VmHWM, from /usr/bin/time) stays under 256 MiB and what did not fit the bounded
/// tables is counted. The file (about 700 MB) is generated into /tmp and deleted afterwards.
/// </summary>
public partial class MemoryTests(ITestOutputHelper output)
{
    private const long Packets = 10_000_000;
    private const long Limit = 256L * 1024 * 1024;

    [Fact]
    public void Replay_TenMillionSpoofedSources_PeakRssUnder256MiBWithEvictionsCounted()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/time"))
        {
            Assert.Skip("needs Linux and /usr/bin/time (package time)");
        }

        using var file = new TempFile();
        var needed = Packets * (SpoofedFlood.FrameBytes + 16) + (1L << 30);
        if (SpoofedFlood.FreeBytes(file.Path) < needed)
        {
            Assert.Skip($"needs {needed >> 20} MiB free in {Path.GetTempPath()}");
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        SpoofedFlood.Write(file.Path, Packets);
        output.WriteLine($"generated {Packets:N0} packets ({new FileInfo(file.Path).Length >> 20} MiB) in {clock.Elapsed.TotalSeconds:F1} s");

        var result = ProcessRunner.Run("/usr/bin/time", ["-v", .. RepositoryPaths.NetguardCommand, "replay", file.Path, "--json"], TimeSpan.FromMinutes(10));
        Assert.True(result.ExitCode == 0, result.StandardError);
        using var summary = JsonDocument.Parse(result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]);
        var s = summary.RootElement;
        var peak = long.Parse(MaxRss().Match(result.StandardError).Groups[1].Value, CultureInfo.InvariantCulture) * 1024;
        output.WriteLine($"peak RSS {peak / (1024.0 * 1024):F0} MiB; {s.GetProperty("packets").GetInt64():N0} packets in {s.GetProperty("wall_s").GetDouble():F1} s ({s.GetProperty("pps").GetDouble():N0} pps); "
            + $"flows evicted {s.GetProperty("flows_evicted").GetInt64():N0}, untracked host packets {s.GetProperty("untracked_host_packets").GetInt64():N0}, "
            + $"untracked pairs {s.GetProperty("untracked_pairs").GetInt64():N0}, hosts profiled {s.GetProperty("hosts_profiled").GetInt64():N0}, alerts {s.GetProperty("alerts").GetInt64()}");

        Assert.Equal(Packets, s.GetProperty("packets").GetInt64());
        Assert.True(s.GetProperty("flows_evicted").GetInt64() > 0, "ten million one-packet flows must overflow the flow table and be counted");
        Assert.True(s.GetProperty("untracked_host_packets").GetInt64() > 0, "a million hosts a second must overflow the host table and be counted");
        Assert.True(peak < Limit, $"peak RSS {peak >> 20} MiB is not under 256 MiB");
    }

    [GeneratedRegex(@"Maximum resident set size \(kbytes\): (\d+)")]
    private static partial Regex MaxRss();
}
