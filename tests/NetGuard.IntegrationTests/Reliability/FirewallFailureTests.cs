using System.Globalization;
using System.Text.RegularExpressions;
using NetGuard.Core.Packets;
using NetGuard.Testing.Lab;
using static NetGuard.IntegrationTests.Reliability.Reliability;

namespace NetGuard.IntegrationTests.Reliability;

/// <summary>
/// The firewall tool fails after the daemon started (a wrapper in NetGuard:Remediation:ToolDirectory
/// exits non-zero, hangs past the timeout, or is deleted): each call is retried, the decision ends
/// Failed with an error line, and capture and detection carry on (packet counts keep rising).
/// </summary>
public partial class FirewallFailureTests(ITestOutputHelper output)
{
    private const int Retries = 2;
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("nftables", "exits-non-zero", 70)]
    [InlineData("nftables", "hangs", 71)]
    [InlineData("nftables", "missing", 72)]
    [InlineData("iptables", "exits-non-zero", 73)]
    [InlineData("iptables", "missing", 74)]
    public void Run_FirewallToolFailing_RetriedThenFailedAndAlertedWhileCaptureGoesOn(string enforcer, string failure, int subnet)
    {
        Require("hping3", Tool(enforcer));
        using var lab = NetworkLab.Create(subnet);
        using var tools = FirewallTools.Create(enforcer);
        var attacker = NetworkLab.AddressA(subnet);
        var settings = Settings("Auto", enforcer, tools, timeout: "00:00:02");
        settings["NetGuard__Remediation__EnforcerRetries"] = Retries.ToString(CultureInfo.InvariantCulture);
        using var daemon = new Daemon(lab, settings);
        daemon.WaitFor("Capturing on", TimeSpan.FromSeconds(30));

        var apply = enforcer == "nftables" ? " comment \"" : "-A NETGUARD";
        switch (failure)
        {
            case "exits-non-zero":
                tools.Fail(apply);
                break;
            case "hangs":
                tools.Hang(apply);
                break;
            default:
                tools.RemoveAll();
                break;
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        Flood(lab, subnet);
        var failed = FirewallState.WaitForJournal(daemon.StateDirectory, j => j.Any(d => d.State == "Failed"), Within, daemon).Single();
        output.WriteLine($"{enforcer} {failure}: Failed {clock.Elapsed.TotalSeconds:F1} s after the flood began");
        Assert.Equal(NetPrefix.Parse(attacker), failed.Target);
        daemon.WaitFor($"FAILED block {failed.Id} of {attacker}/32", TimeSpan.FromSeconds(5));
        daemon.WaitFor($"Remediation: applying {failed.Id}", TimeSpan.FromSeconds(5));
        Assert.Empty(FirewallState.Firewall(lab, enforcer));

        if (failure == "missing")
        {
            Assert.Contains(tools.Directory, daemon.Log, StringComparison.Ordinal);
        }
        else
        {
            // The first call and every retry reached the tool; a hung one was killed at the timeout.
            Assert.Equal(1 + Retries, tools.CountCalls(apply));
            AssertNoHungProcessLeft(tools);
        }

        // Capture and detection go on: the next rate line counts the flood, a second attacker is
        // alerted, and the count keeps rising.
        var before = NextPacketCount(daemon);
        Assert.True(before >= 3000, $"the flood was not counted: {before}\n{daemon.Log}");
        var second = $"10.250.{subnet}.50";
        Flood(lab, subnet, second);
        daemon.WaitFor($"ALERT syn-flood {second}", TimeSpan.FromSeconds(20));
        Assert.Equal(0, daemon.Stop());
        var after = LastPacketCount(daemon.Log);
        output.WriteLine($"packets counted: {before} at the failure, {after} at the end");
        Assert.True(after >= before + 3000, $"capture stalled: {before} then {after}\n{daemon.Log}");
        Assert.DoesNotContain("   at ", daemon.Log, StringComparison.Ordinal);
    }

    private static void AssertNoHungProcessLeft(FirewallTools tools)
    {
        var file = Path.Combine(tools.Directory, "hung.pids");
        if (!File.Exists(file))
        {
            return;
        }

        foreach (var pid in File.ReadAllText(file).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
            while (File.Exists($"/proc/{pid.Trim()}/cmdline") && File.ReadAllText($"/proc/{pid.Trim()}/cmdline").StartsWith("sleep", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(100);
            }

            Assert.False(File.Exists($"/proc/{pid.Trim()}/cmdline") && File.ReadAllText($"/proc/{pid.Trim()}/cmdline").StartsWith("sleep", StringComparison.Ordinal), $"hung tool {pid} still runs");
        }
    }

    /// <summary>Waits (up to 15 s; rate lines come every 10 s) for the next rate line and returns its packet count.</summary>
    internal static long NextPacketCount(Daemon daemon)
    {
        var seen = RateLine().Count(daemon.Log);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (RateLine().Count(daemon.Log) == seen)
        {
            Assert.True(DateTime.UtcNow < deadline, "no rate line within 15 s:\n" + daemon.Log);
            Thread.Sleep(200);
        }

        return LastPacketCount(daemon.Log);
    }

    /// <summary>The packet count of the last rate line ("N packets, ..."), 0 before the first.</summary>
    internal static long LastPacketCount(string log)
    {
        var matches = RateLine().Matches(log);
        return matches.Count == 0 ? 0 : long.Parse(matches[^1].Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"CaptureService: (\d+) packets, ")]
    private static partial Regex RateLine();
}
