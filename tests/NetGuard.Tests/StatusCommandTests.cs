using System.Text.Json;
using NetGuard.Cli;
using NetGuard.Hosting.Status;

namespace NetGuard.Tests;

public class StatusCommandTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private static DaemonStatus Sample(DateTimeOffset updated) => new()
    {
        Pid = 4242,
        Started = updated - TimeSpan.FromSeconds(3723),
        Updated = updated,
        ConfigFile = "/etc/netguard/netguard.json",
        Mode = "Approve",
        KindModes = new Dictionary<string, string> { ["port-scan"] = "Auto" },
        Enforcer = "nftables",
        Metrics = "http://127.0.0.1:9108/metrics",
        Interfaces =
        [
            new InterfaceStatus("eth0", 1_000_000, 600_000_000, 1500, 125_000, 7, 3, 1),
            new InterfaceStatus("eth1", 10, 1000, 2, 250, 0, 0, 0),
        ],
        HostsTracked = 12,
        FlowsTracked = 34,
        Alerts = 5,
        ActiveBlocks = 2,
        PendingProposals = 1,
        Reloads = 1,
        LastReload = new ReloadStatus(updated - TimeSpan.FromMinutes(1), "rejected", "NetGuard:Remediation:Mode = Banana: expected one of Monitor, Approve, Auto"),
    };

    [Fact]
    public void Render_RunningDaemon_ShowsWhatItIsDoing()
    {
        var text = new StringWriter();
        StatusCommand.Render(Sample(Now), text);
        var lines = text.ToString().Split('\n');

        Assert.Equal("netguard running, pid 4242, up 1h 02m 03s (since 2026-11-28 10:57:57 UTC)", lines[0]);
        Assert.Contains("config      /etc/netguard/netguard.json", lines);
        Assert.Contains("mode        Approve (port-scan: Auto), enforcer nftables", lines);
        Assert.Contains("metrics     http://127.0.0.1:9108/metrics", lines);
        Assert.Contains("last reload 2026-11-28 11:59:00 UTC: rejected: NetGuard:Remediation:Mode = Banana: expected one of Monitor, Approve, Auto", lines);
        Assert.Matches(@"^eth0\s+1000000\s+600000000\s+1500\s+1\.0M\s+7\s+3\s+1$", lines.Single(l => l.StartsWith("eth0", StringComparison.Ordinal)));
        Assert.Matches(@"^total\s+1000010\s+600001000\s+1502\s+1\.0M\s+7\s+3\s+1$", lines.Single(l => l.StartsWith("total", StringComparison.Ordinal)));
        Assert.Contains("hosts tracked 12, flows 34, alerts 5", lines);
        Assert.Contains("blocks      2 active, 1 pending proposal (netguard blocks lists them)", lines);
    }

    [Fact]
    public void NotRunning_FreshStaleOrMissing()
    {
        Assert.Null(StatusCommand.NotRunning(Sample(Now - TimeSpan.FromSeconds(2)), "/s/status.json", Now));
        Assert.Equal("the daemon is not running (/s/status.json was last written 1m 00s ago, by pid 4242)", StatusCommand.NotRunning(Sample(Now - TimeSpan.FromMinutes(1)), "/s/status.json", Now));
        Assert.StartsWith("the daemon is not running (no /s/status.json", StatusCommand.NotRunning(null, "/s/status.json", Now), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(59.9, "59s")]
    [InlineData(61, "1m 01s")]
    [InlineData(86400 + 3600 + 60, "1d 01h 01m")]
    public void Duration_ShowsWhatMatters(double seconds, string expected) =>
        Assert.Equal(expected, StatusCommand.Duration(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void Run_StatusFileOfTheConfiguredStateDirectory_ExitsZeroOrFourWhenStale()
    {
        using var dir = new TempDirectory();
        var config = dir.File("netguard.json");
        File.WriteAllText(config, $$"""{ "NetGuard": { "State": { "Directory": "{{dir.Path}}" } } }""");
        StatusFile.Write(StatusFile.PathIn(dir.Path), Sample(Now));

        var stdout = new StringWriter();
        var stderr = new StringWriter();
        Assert.Equal(ExitCodes.Ok, StatusCommand.Run(config, json: true, stdout, stderr, new FixedTime(Now + TimeSpan.FromSeconds(1))));
        using (var json = JsonDocument.Parse(stdout.ToString()))
        {
            Assert.Equal(4242, json.RootElement.GetProperty("pid").GetInt32());
            Assert.Equal(3723, json.RootElement.GetProperty("uptime_s").GetDouble());
            Assert.Equal(7, json.RootElement.GetProperty("interfaces")[0].GetProperty("kernel_dropped").GetInt64());
            Assert.Equal("rejected", json.RootElement.GetProperty("last_reload").GetProperty("result").GetString());
        }

        stdout = new StringWriter();
        Assert.Equal(ExitCodes.NotRunning, StatusCommand.Run(config, json: false, stdout, stderr, new FixedTime(Now + TimeSpan.FromSeconds(30))));
        Assert.Equal("", stdout.ToString());
        Assert.Contains("netguard: the daemon is not running", stderr.ToString(), StringComparison.Ordinal);

        File.Delete(StatusFile.PathIn(dir.Path));
        stdout = new StringWriter();
        Assert.Equal(ExitCodes.NotRunning, StatusCommand.Run(config, json: true, stdout, stderr, new FixedTime(Now)));
        using var stopped = JsonDocument.Parse(stdout.ToString());
        Assert.False(stopped.RootElement.GetProperty("running").GetBoolean());
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
