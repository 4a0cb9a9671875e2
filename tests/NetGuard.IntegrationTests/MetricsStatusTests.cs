using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using NetGuard.Testing.Lab;

namespace NetGuard.IntegrationTests;

/// <summary>
/// The daemon's Prometheus endpoint and <c>netguard status</c> against traffic the test sends. The
/// endpoint listens on the loopback of the daemon's own namespace, so it is scraped from inside it.
/// </summary>
public class MetricsStatusTests
{
    private const string Source = "198.51.100.8";

    [Fact]
    public void Run_MetricsEnabled_CountersMatchTheTrafficSentAndStatusShowsIt()
    {
        ServiceTraffic.Require();
        using var lab = NetworkLab.Create();
        using var daemon = new Daemon(lab, new Dictionary<string, string>
        {
            ["NetGuard__Metrics__Enabled"] = "true",
            ["NetGuard__Capture__Filter"] = $"udp and src host {Source}",
        });
        daemon.WaitFor("Metrics (Prometheus text) at http://127.0.0.1:9108/metrics", TimeSpan.FromSeconds(30));
        daemon.WaitFor("Capturing on", TimeSpan.FromSeconds(30));

        const int Sent = 1500;
        var bytes = ServiceTraffic.SendUdp(lab, Source, "192.0.2.10", Sent);

        var text = ScrapeUntil(lab, daemon, t => Value(t, "netguard_packets_total", lab.InterfaceB) == Sent);
        Assert.Equal(bytes, Value(text, "netguard_bytes_total", lab.InterfaceB));
        Assert.Equal(0, Value(text, "netguard_kernel_dropped_total", lab.InterfaceB));
        Assert.Equal(0, Value(text, "netguard_pipeline_dropped_total", lab.InterfaceB));
        Assert.Equal(0, Value(text, "netguard_decode_errors_total", lab.InterfaceB, "status=\"malformed\""));
        Assert.Equal(0, Value(text, "netguard_decisions", "state=\"active\""));
        Assert.Equal(0, Value(text, "netguard_enforcer_failures_total", "operation=\"apply\""));
        Assert.Equal(0, Value(text, "netguard_syslog_dropped_total"));
        Assert.Contains("# TYPE netguard_alerts_total counter", text, StringComparison.Ordinal);
        Assert.Contains("netguard_flows_tracked", text, StringComparison.Ordinal);
        Assert.Contains("netguard_evictions_total", text, StringComparison.Ordinal);

        // status reads what the daemon writes into its state directory every second.
        var root = StatusUntil(daemon, s => s.GetProperty("interfaces")[0].GetProperty("packets").GetInt64() == Sent);
        var nic = root.GetProperty("interfaces")[0];
        Assert.Equal(lab.InterfaceB, nic.GetProperty("name").GetString());
        Assert.Equal(Sent, nic.GetProperty("packets").GetInt64());
        Assert.Equal(bytes, nic.GetProperty("bytes").GetInt64());
        Assert.Equal(0, nic.GetProperty("kernel_dropped").GetInt64());
        Assert.Equal("http://127.0.0.1:9108/metrics", root.GetProperty("metrics").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("config_file").ValueKind);
        Assert.Equal("Monitor", root.GetProperty("mode").GetString());
        Assert.Equal(0, root.GetProperty("active_blocks").GetInt32());
        Assert.True(root.GetProperty("uptime_s").GetDouble() >= 0);

        var human = daemon.Cli("status");
        Assert.Equal(0, human.ExitCode);
        Assert.Contains($"netguard running, pid ", human.StandardOutput, StringComparison.Ordinal);
        Assert.Matches(new Regex($@"(?m)^{Regex.Escape(lab.InterfaceB)}\s+{Sent}\s+{bytes}\s"), human.StandardOutput);

        Assert.Equal(0, daemon.Stop());
        var stopped = daemon.Cli("status");
        Assert.Equal(4, stopped.ExitCode);
        Assert.Contains("the daemon is not running", stopped.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MetricsDisabled_OpensNoPort()
    {
        ServiceTraffic.Require();
        using var lab = NetworkLab.Create();
        using var daemon = new Daemon(lab, new Dictionary<string, string> { ["NetGuard__Metrics__Enabled"] = "false" });
        daemon.WaitFor("Metrics are off", TimeSpan.FromSeconds(30));
        daemon.WaitFor("Capturing on", TimeSpan.FromSeconds(30));
        WaitForStatus(daemon);

        // Nothing listens in the daemon's namespace: not 9108, not any other port.
        var listening = NetworkLab.Exec(lab.NamespaceB, "ss", "-H", "-l", "-t", "-n").StandardOutput;
        Assert.True(string.IsNullOrWhiteSpace(listening), listening);
        var status = daemon.Cli("status", "--json");
        using var json = JsonDocument.Parse(status.StandardOutput);
        Assert.Equal("off", json.RootElement.GetProperty("metrics").GetString());
    }

    /// <summary>The first sample of <paramref name="metric"/> whose labels contain every one of <paramref name="labels"/> (an interface name, or key="value").</summary>
    internal static long? Value(string text, string metric, params string[] labels)
    {
        foreach (var line in text.Split('\n'))
        {
            if (!line.StartsWith(metric + "{", StringComparison.Ordinal) && !line.StartsWith(metric + " ", StringComparison.Ordinal))
            {
                continue;
            }

            var close = line.LastIndexOf(' ');
            var labelText = line[..close];
            if (labels.All(l => labelText.Contains(l.Contains('=', StringComparison.Ordinal) ? l : $"interface=\"{l}\"", StringComparison.Ordinal)))
            {
                return (long)double.Parse(line[(close + 1)..], CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    private static string ScrapeUntil(NetworkLab lab, Daemon daemon, Func<string, bool> done)
    {
        var deadline = Stopwatch.StartNew();
        var text = "";
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            // bash's /dev/tcp, so the test needs no HTTP client installed in the namespace.
            var scrape = ProcessRunner.Run(
                "ip",
                ["netns", "exec", lab.NamespaceB, "bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/9108 && printf 'GET /metrics HTTP/1.0\\r\\nHost: 127.0.0.1:9108\\r\\n\\r\\n' >&3 && cat <&3"],
                TimeSpan.FromSeconds(20));
            text = scrape.StandardOutput;
            if (scrape.ExitCode == 0 && text.StartsWith("HTTP/1.1 200", StringComparison.Ordinal) && done(text))
            {
                return text;
            }

            Thread.Sleep(300);
        }

        throw new Xunit.Sdk.XunitException($"the scrape never matched:\n{text}\nlog:\n{daemon.Log}");
    }

    /// <summary>Polls <c>netguard status --json</c> until <paramref name="done"/> holds; returns that status.</summary>
    internal static JsonElement StatusUntil(Daemon daemon, Func<JsonElement, bool> done)
    {
        var deadline = Stopwatch.StartNew();
        var last = "";
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            var result = daemon.Cli("status", "--json");
            last = result.StandardOutput + result.StandardError;
            if (result.ExitCode == 0)
            {
                using var json = JsonDocument.Parse(result.StandardOutput);
                if (done(json.RootElement))
                {
                    return json.RootElement.Clone();
                }
            }

            Thread.Sleep(250);
        }

        throw new Xunit.Sdk.XunitException($"netguard status never matched:\n{last}\nlog:\n{daemon.Log}");
    }

    internal static void WaitForStatus(Daemon daemon)
    {
        var deadline = Stopwatch.StartNew();
        while (daemon.Cli("status").ExitCode != 0)
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                throw new Xunit.Sdk.XunitException("netguard status never saw the daemon:\n" + daemon.Log);
            }

            Thread.Sleep(250);
        }
    }
}
