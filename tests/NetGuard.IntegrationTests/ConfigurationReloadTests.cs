using System.Text.Json;
using NetGuard.Testing.Lab;

namespace NetGuard.IntegrationTests;

/// <summary>
/// Hot reload of the configuration file under a running daemon: a new static threshold and mode
/// take effect; a broken file (bad JSON, or a value the start would refuse) is logged with its
/// message and the last good configuration stays in force.
/// </summary>
public class ConfigurationReloadTests
{
    private const string Source = "198.51.100.20";

    [Fact]
    public void Run_ConfigurationFileChanges_ThresholdAppliesAndBrokenFilesKeepTheLastGood()
    {
        ServiceTraffic.Require();
        using var lab = NetworkLab.Create();
        var state = Path.Combine(Path.GetTempPath(), "netguard-it-state-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(state);
        var config = Path.Combine(state, "netguard.json");
        File.WriteAllText(config, """{ "NetGuard": { "Capture": { "Filter": "udp" } } }""");
        using var daemon = new Daemon(lab, stateDirectory: state, configFile: config);
        daemon.WaitFor("is watched", TimeSpan.FromSeconds(30));
        daemon.WaitFor("Capturing on", TimeSpan.FromSeconds(30));
        MetricsStatusTests.WaitForStatus(daemon);

        // Before: no threshold, so 500 packets a second into 192.0.2.10 are no alert on it. Settings
        // apply from the next second that closes, so wait until this traffic's second is judged
        // (sender and receiver have profiles).
        ServiceTraffic.SendUdp(lab, Source, "192.0.2.10", 500);
        MetricsStatusTests.StatusUntil(daemon, s => s.GetProperty("hosts_tracked").GetInt64() >= 2);

        // A threshold on packets into 192.0.2.0/24, Approve mode, and a key only a restart applies.
        Write(config, """
            { "NetGuard": {
                "Capture": { "Filter": "udp", "BufferMiB": 64 },
                "Detection": { "Thresholds": [ { "Network": "192.0.2.0/24", "Metric": "in.packets", "PerSecond": 100 } ] },
                "Remediation": { "Mode": "Approve" } } }
            """);
        var applied = WaitForReload(daemon, 1);
        Assert.Equal("applied", applied.GetProperty("last_reload").GetProperty("result").GetString());
        Assert.Contains("NetGuard:Detection:Thresholds", applied.GetProperty("last_reload").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("Approve", applied.GetProperty("mode").GetString());
        daemon.WaitFor("restart netguard to apply (they keep their running values until then)", TimeSpan.FromSeconds(5));
        Assert.Contains("Configuration changed NetGuard:Capture:BufferMiB", daemon.Log, StringComparison.Ordinal);
        Assert.DoesNotContain("ALERT volume-spike 192.0.2.10 ", daemon.Log, StringComparison.Ordinal);

        ServiceTraffic.SendUdp(lab, Source, "192.0.2.11", 500);
        daemon.WaitFor("ALERT volume-spike 192.0.2.11 (destination)", TimeSpan.FromSeconds(15));

        // Broken JSON: rejected with the parser's message; the threshold and mode stay.
        Write(config, """{ "NetGuard": { "Detection": """);
        var broken = WaitForReload(daemon, 2);
        Assert.Equal("rejected", broken.GetProperty("last_reload").GetProperty("result").GetString());
        Assert.Contains("not valid JSON", broken.GetProperty("last_reload").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("Approve", broken.GetProperty("mode").GetString());
        daemon.WaitFor("the last good configuration stays in force", TimeSpan.FromSeconds(5));

        // A value the start refuses: the same message as check-config; still the last good one in force.
        Write(config, """
            { "NetGuard": {
                "Detection": { "Thresholds": [ { "Network": "192.0.2.0/24", "Metric": "in.packets", "PerSecond": 0 } ] },
                "Remediation": { "Mode": "Monitor" } } }
            """);
        var invalid = WaitForReload(daemon, 3);
        Assert.Contains("NetGuard:Detection:Thresholds:0:PerSecond = 0", invalid.GetProperty("last_reload").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("Approve", invalid.GetProperty("mode").GetString());

        ServiceTraffic.SendUdp(lab, Source, "192.0.2.12", 500);
        daemon.WaitFor("ALERT volume-spike 192.0.2.12 (destination)", TimeSpan.FromSeconds(15));
        Assert.Equal(0, daemon.Stop());
    }

    /// <summary>Replaces the file as an editor that writes in place would, with a new modification time.</summary>
    private static void Write(string path, string json) => File.WriteAllText(path, json);

    /// <summary>Polls status until the daemon has counted <paramref name="reloads"/> reloads; returns the status.</summary>
    private static JsonElement WaitForReload(Daemon daemon, int reloads) =>
        MetricsStatusTests.StatusUntil(daemon, s => s.GetProperty("reloads").GetInt32() >= reloads);
}
