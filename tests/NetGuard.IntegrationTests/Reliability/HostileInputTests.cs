using System.Globalization;
using System.Text.RegularExpressions;
using NetGuard.Core.Packets;
using NetGuard.Testing;
using NetGuard.Testing.Lab;
using static NetGuard.IntegrationTests.Reliability.Reliability;

namespace NetGuard.IntegrationTests.Reliability;

/// <summary>
/// Hostile input at the daemon: garbage frames at full speed on the live interface, a decisions file
/// of garbage and of injection attempts, the same through the CLI, and a configuration with wrong
/// types. Clear errors, counted drops, no crash, and nothing of it ever reaches a firewall command.
/// File-level corruption (truncated and fuzzed pcap/pcapng) is covered by the capture unit tests.
/// </summary>
public partial class HostileInputTests(ITestOutputHelper output)
{
    private const string Overlong = "overlong-";

    [Fact]
    public void Run_GarbageFramesAtFullSpeed_CountedAsDecodeErrorsAndDetectionCarriesOn()
    {
        Require("tcpreplay", "hping3");
        const int Subnet = 75;
        const int Frames = 200_000;
        using var lab = NetworkLab.Create(Subnet);
        using var file = new TempFile();
        GarbageFrames.Write(file.Path, Frames, seed: 6);
        using var daemon = new Daemon(lab, Settings("Monitor", "dryrun"));
        daemon.WaitFor("Capturing on", TimeSpan.FromSeconds(30));

        var replay = NetworkLab.Exec(lab.NamespaceA, "tcpreplay", "--topspeed", "-i", lab.InterfaceA, file.Path);
        output.WriteLine(Regex.Match(replay.StandardOutput, @"Rated:.*").Value);

        // Still detecting: a SYN flood after the garbage is alerted.
        Flood(lab, Subnet);
        daemon.WaitFor($"ALERT syn-flood {NetworkLab.AddressA(Subnet)}", TimeSpan.FromSeconds(20));
        Assert.Equal(0, daemon.Stop());

        var last = RateLine().Matches(daemon.Log)[^1];
        var packets = long.Parse(last.Groups["packets"].Value, CultureInfo.InvariantCulture);
        var errors = long.Parse(last.Groups["errors"].Value, CultureInfo.InvariantCulture);
        output.WriteLine($"{Frames} garbage frames sent; daemon counted {packets} packets, {errors} decode errors; {last.Value}");
        Assert.True(packets >= Frames, daemon.Log);
        Assert.True(errors > Frames / 10, $"only {errors} decode errors counted for {Frames} garbage frames");
        Assert.DoesNotContain("   at ", daemon.Log, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_HostileDecisionsFileAndCli_ClearErrorsAndNoFirewallCommandBuiltFromThem()
    {
        Require("nft");
        using var lab = NetworkLab.Create(76);
        using var tools = FirewallTools.Create("nftables");
        var canary = Path.Combine(Path.GetTempPath(), "netguard-pwned-" + Guid.NewGuid().ToString("N"));
        var overlong = Overlong + new string('9', 100_000);
        using var daemon = new Daemon(lab, Settings("Auto", "nftables", tools));
        daemon.WaitFor("Capturing on", TimeSpan.FromSeconds(30));
        var decisions = Path.Combine(daemon.StateDirectory, "decisions.json");

        // Garbage, then JSON of the wrong shape: reported, the last good file stays, the daemon runs on.
        Write(decisions, "\u0000\u00ff{{{ not json ]] \n rm -rf /");
        daemon.WaitFor("the last good decisions file stays in force", TimeSpan.FromSeconds(20));
        Write(decisions, """{ "block": "1.2.3.4", "approve": [1, 2] }""");
        WaitForCount(daemon, "the last good decisions file stays in force", 2);

        // Injection attempts through every field, and one valid block whose reason tries its luck.
        string[] targets =
        [
            "1.2.3.4; rm -rf /", $"$(touch {canary})", "`touch " + canary + "`", "1.2.3.4\nflush ruleset", "10.0.0.1 } ; flush ruleset ; {",
            "1.2.3.4 comment \"x\"", "1.2.3.4/33", "-1.2.3.4", "::ffff:1.2.3.4; reboot", overlong,
        ];
        var blocks = targets.Select(t => new { target = t, ttl = "01:00:00", reason = "test" })
            .Append(new { target = "198.51.100.7", ttl = "1; reboot", reason = "bad ttl" })
            .Append(new { target = "198.51.100.77", ttl = "01:00:00", reason = "\" } ; flush ruleset ; add rule inet netguard input accept #\n" + overlong });
        Write(decisions, System.Text.Json.JsonSerializer.Serialize(new
        {
            approve = new[] { "ng-1; rm -rf /", "../../etc/passwd", overlong },
            reject = new[] { $"$(touch {canary})" },
            rollback = new[] { "; flush ruleset", overlong },
            block = blocks,
        }));
        FirewallState.WaitForJournal(daemon.StateDirectory, j => j.Any(d => d.State == "Active"), TimeSpan.FromSeconds(20), daemon);
        daemon.WaitFor("rollback ; flush ruleset: no such decision id, and not an address", TimeSpan.FromSeconds(10));
        Assert.Equal(targets.Length + 1, Regex.Count(daemon.Log, @"Remediation: block .*(not an address or prefix|is not a positive duration)"));

        // The CLI refuses the same with one line and exit code 2, and writes nothing.
        var before = File.ReadAllText(decisions);
        foreach (var args in new[]
        {
            new[] { "block", "1.2.3.4; rm -rf /" }, ["block", overlong], ["block", $"$(touch {canary})"], ["block", "198.51.100.9", "--ttl", "1; reboot"],
            ["rollback", "; flush ruleset"], ["approve", "ng-1; rm -rf /"], ["reject", overlong],
        })
        {
            var result = daemon.Cli(args);
            Assert.Equal(2, result.ExitCode);
            Assert.StartsWith("netguard: ", result.StandardError, StringComparison.Ordinal);
            Assert.Single(result.StandardError.Trim().Split('\n'));
            Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
        }

        Assert.Equal(before, File.ReadAllText(decisions));

        // Only the one valid block reached the firewall, and no call to nft carried any of the text.
        var firewall = FirewallState.Firewall(lab, "nftables");
        Assert.Equal(NetPrefix.Parse("198.51.100.77"), Assert.Single(firewall).Target);
        var calls = tools.Calls;
        foreach (var word in new[] { "rm -rf", "touch", "flush ruleset", "reboot", "passwd", Overlong, "input accept #", "1.2.3.4" })
        {
            Assert.DoesNotContain(word, calls, StringComparison.Ordinal);
        }

        Assert.False(File.Exists(canary), "a command was run from operator input");
        Assert.Equal(0, daemon.Stop());
        Assert.DoesNotContain("   at ", daemon.Log, StringComparison.Ordinal);
        output.WriteLine($"{tools.CountCalls("nft")} nft calls, none with operator text; daemon log {daemon.Log.Length} chars");
    }

    [Fact]
    public void Run_ConfigurationWithWrongTypes_OneLineAndExitTwo()
    {
        Require();
        using var lab = NetworkLab.Create();
        using var file = new TempFile();
        var config = file.Path + ".json";
        foreach (var (json, key) in new[]
        {
            ("""{"NetGuard":{"Capture":{"BufferMiB":"lots"}}}""", "BufferMiB"),
            ("""{"NetGuard":{"Remediation":{"Allowlist":"10.0.0.0/8; rm -rf /"}}}""", "Allowlist"),
            ("""{"NetGuard":{"Remediation":{"ToolDirectory":"sbin"}}}""", "ToolDirectory"),
            ("""{"NetGuard":{"Alerts":{"Syslog":{"Port":[514]}}}}""", "Port"),
        })
        {
            File.WriteAllText(config, json);
            var result = ProcessRunner.Run("ip", ["netns", "exec", lab.NamespaceB, .. RepositoryPaths.NetguardCommand, "run", "--config", config], TimeSpan.FromSeconds(60));
            Assert.Equal(2, result.ExitCode);
            Assert.Contains(key, result.StandardError, StringComparison.Ordinal);
            Assert.Single(result.StandardError.Trim().Split('\n'));
            Assert.DoesNotContain("Capturing on", result.StandardOutput, StringComparison.Ordinal);
        }
    }

    private static void Write(string path, string text)
    {
        File.WriteAllText(path + ".tmp", text);
        File.Move(path + ".tmp", path, overwrite: true);
    }

    private static void WaitForCount(Daemon daemon, string text, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (Regex.Count(daemon.Log, Regex.Escape(text)) < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"'{text}' not {count} times in the log:\n{daemon.Log}");
            Thread.Sleep(100);
        }
    }

    [GeneratedRegex(@"CaptureService: (?<packets>\d+) packets, .*decode errors (?<errors>\d+)")]
    private static partial Regex RateLine();
}
