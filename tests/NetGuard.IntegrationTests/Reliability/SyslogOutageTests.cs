using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using NetGuard.Testing.Lab;
using static NetGuard.IntegrationTests.Reliability.Reliability;

namespace NetGuard.IntegrationTests.Reliability;

/// <summary>
/// The syslog receiver (a real rsyslogd on 127.0.0.1 over TCP, in the daemon's namespace) stops
/// for a full minute while the daemon keeps alerting, then comes back: the daemon neither crashes
/// nor stalls, the first alerts of the outage arrive late, up to the buffer bound
/// (NetGuard:Alerts:Syslog:BufferEvents), in order, and those beyond it are counted as dropped.
/// </summary>
public partial class SyslogOutageTests(ITestOutputHelper output)
{
    private const int Subnet = 77;
    private const int BufferEvents = 20;
    private const int OutageAttackers = 30;
    private static readonly TimeSpan Outage = TimeSpan.FromMinutes(1);

    [Fact]
    public void Run_SyslogReceiverDownForAMinute_AlertsArriveLaterUpToTheBoundAndDropsAreCounted()
    {
        Require("hping3");
        if (NamespaceRsyslog.Unavailable is { } reason)
        {
            Assert.Skip(reason);
        }

        using var lab = NetworkLab.Create(Subnet);
        using var rsyslog = NamespaceRsyslog.Start(lab);
        var settings = Settings("Monitor", "dryrun");
        settings["NetGuard__Alerts__Syslog__Enabled"] = "true";
        settings["NetGuard__Alerts__Syslog__Transport"] = "Tcp";
        settings["NetGuard__Alerts__Syslog__Address"] = "127.0.0.1";
        settings["NetGuard__Alerts__Syslog__Port"] = NamespaceRsyslog.Port.ToString(CultureInfo.InvariantCulture);
        settings["NetGuard__Alerts__Syslog__MinimumLevel"] = "Warning";
        settings["NetGuard__Alerts__Syslog__BufferEvents"] = BufferEvents.ToString(CultureInfo.InvariantCulture);
        settings["NetGuard__Alerts__Syslog__MaxReconnectDelay"] = "00:00:05";
        using var daemon = new Daemon(lab, settings);
        daemon.WaitFor("Capturing on", TimeSpan.FromSeconds(30));

        Flood(lab, Subnet, Source(1));
        WaitForMessage(rsyslog, $"ALERT syn-flood {Source(1)} ");

        rsyslog.Stop();
        var down = Stopwatch.StartNew();
        var received = rsyslog.Lines().Count;
        for (var i = 0; i < OutageAttackers; i++)
        {
            Flood(lab, Subnet, Source(100 + i));
        }

        daemon.WaitFor($"ALERT syn-flood {Source(100 + OutageAttackers - 1)} ", TimeSpan.FromSeconds(20));
        var alerted = Enumerable.Range(0, OutageAttackers).Count(i => daemon.Log.Contains($"ALERT syn-flood {Source(100 + i)} ", StringComparison.Ordinal));
        Assert.Equal(OutageAttackers, alerted);
        var packetsDuringOutage = FirewallFailureTests.LastPacketCount(daemon.Log);
        Thread.Sleep(Outage - down.Elapsed > TimeSpan.Zero ? Outage - down.Elapsed : TimeSpan.Zero);
        output.WriteLine($"receiver down for {down.Elapsed.TotalSeconds:F0} s; {alerted} attackers alerted meanwhile");

        // Back: the buffered alerts go out first (with MaxReconnectDelay 5 s, within seconds); an
        // alert raised while the buffer is still full would be dropped, so the next one waits for them.
        rsyslog.StartProcess();
        var back = Stopwatch.StartNew();
        while (rsyslog.Lines().Count < received + BufferEvents - 1)
        {
            Assert.True(back.Elapsed < TimeSpan.FromSeconds(30), $"the buffered alerts did not arrive; rsyslog has:\n{string.Join('\n', rsyslog.Lines())}");
            Thread.Sleep(200);
        }

        output.WriteLine($"the buffered alerts arrived {back.Elapsed.TotalSeconds:F1} s after the receiver came back");
        Flood(lab, Subnet, Source(250));
        daemon.WaitFor($"ALERT syn-flood {Source(250)} ", TimeSpan.FromSeconds(20));
        WaitForMessage(rsyslog, $"ALERT syn-flood {Source(250)} ");
        Assert.Equal(0, daemon.Stop());

        // What arrived after the restart and before the new alert: the events buffered during the outage.
        var late = rsyslog.Lines().Skip(received).TakeWhile(m => !m.Contains(Source(250) + " ", StringComparison.Ordinal)).ToList();
        var last = Counters().Matches(daemon.Log)[^1];
        long Counter(string name) => long.Parse(last.Groups[name].Value, CultureInfo.InvariantCulture);
        output.WriteLine($"after the outage rsyslog received {late.Count} of the {alerted} outage alerts; the daemon counted syslog sent {Counter("sent")}, buffered {Counter("buffered")}, dropped {Counter("dropped")}");
        foreach (var message in late)
        {
            output.WriteLine("  " + message);
        }

        // The oldest alerts of the outage, in order, up to the bound (one may be lost in the socket
        // the receiver closed: TCP accepts a write before the peer's reset arrives).
        Assert.InRange(late.Count, BufferEvents - 1, BufferEvents);
        var sources = late.Select(m => Regex.Match(m, @"ALERT syn-flood 10\.250\.77\.(\d+) \(source\)")).Where(m => m.Success)
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(sources.Order(), sources);
        Assert.True(sources[0] <= 101, $"the first alerts of the outage must be the ones kept: {string.Join(", ", sources)}");
        Assert.True(Counter("dropped") >= OutageAttackers - BufferEvents - 1, $"dropped {Counter("dropped")}");
        Assert.Equal(0, Counter("buffered"));

        // Capture went on through the outage.
        Assert.True(FirewallFailureTests.LastPacketCount(daemon.Log) > packetsDuringOutage, daemon.Log);
    }

    private static string Source(int host) => string.Create(CultureInfo.InvariantCulture, $"10.250.{Subnet}.{host}");

    private static void WaitForMessage(NamespaceRsyslog rsyslog, string text)
    {
        var clock = Stopwatch.StartNew();
        while (!rsyslog.Lines().Any(m => m.Contains(text, StringComparison.Ordinal)))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"'{text}' never reached rsyslog; it has:\n{string.Join('\n', rsyslog.Lines())}");
            Thread.Sleep(200);
        }
    }

    [GeneratedRegex(@"syslog sent (?<sent>\d+), buffered (?<buffered>\d+), dropped (?<dropped>\d+)")]
    private static partial Regex Counters();
}
