using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using NetGuard.Alerting.Syslog;
using NetGuard.Alerting.Tests.Support;
using Serilog;

namespace NetGuard.Alerting.Tests;

/// <summary>
/// The sink against a real rsyslogd that each test starts on free loopback ports and stops by its
/// process id. Skipped, with the reason, where rsyslogd is missing and cannot be installed.
/// </summary>
public sealed class RsyslogTests
{
    private const string Detector = "cusum \"slow\" [rule] \\ 2";
    private const string SeqTemplate = "ALERT {Kind} {Subject} seq {Seq}";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private static void SkipIfUnavailable()
    {
        if (RsyslogDaemon.Unavailable is { } reason)
        {
            Assert.Skip(reason);
        }
    }

    private static void LogAlert(Serilog.ILogger logger) =>
        logger.Warning(Events.AlertTemplate, "syn-flood", "203.0.113.7", "source", "198.51.100.2", "out.syn", 1234.5, 10.25, 9.75, Detector);

    private static string Text(JsonElement message, string field) => message.GetProperty(field).GetString()!;

    private static bool IsAlert(JsonElement message) => Text(message, "msgid") == "alert";

    private static int Seq(JsonElement message)
    {
        var msg = Text(message, "msg");
        return int.Parse(msg[(msg.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
    }

    [Theory]
    [InlineData(SyslogTransport.Udp, "imudp")]
    [InlineData(SyslogTransport.Tcp, "imtcp")]
    public void Alert_OverTheNetwork_ArrivesWithStructuredDataIntact(SyslogTransport transport, string input)
    {
        SkipIfUnavailable();
        using var rsyslog = RsyslogDaemon.Start();
        var counters = new SyslogCounters();
        var options = TestOptions.Create(transport, "127.0.0.1", transport == SyslogTransport.Udp ? rsyslog.UdpPort : rsyslog.TcpPort);

        using (var logger = new LoggerConfiguration().WriteTo.Syslog(options, counters).CreateLogger())
        {
            LogAlert(logger);
        }

        var message = Assert.Single(rsyslog.WaitForMessages(IsAlert, 1, Timeout));
        Assert.Equal(input, Text(message, "input"));
        Assert.Equal("28", Text(message, "pri"));
        Assert.Equal(Dns.GetHostName(), Text(message, "hostname"));
        Assert.Equal("netguard", Text(message, "appname"));
        Assert.Equal(Environment.ProcessId.ToString(CultureInfo.InvariantCulture), Text(message, "procid"));
        Assert.Equal(
            "[netguard@32473 kind=\"syn-flood\" subject=\"203.0.113.7\" role=\"source\" peer=\"198.51.100.2\" metric=\"out.syn\""
            + " value=\"1234.5\" baseline=\"10.25\" score=\"9.75\" detector=\"cusum \\\"slow\\\" [rule\\] \\\\ 2\"]",
            Text(message, "sd"));
        Assert.Equal("ALERT syn-flood 203.0.113.7 (source) peer 198.51.100.2: out.syn 1234.5 vs baseline 10.25, score 9.75 [" + Detector + "]",
            Text(message, "msg"));

        // rsyslog's own RFC 5424 parser (mmpstrucdata) reads every parameter back, unescaped.
        using var parsed = JsonDocument.Parse(Text(message, "parsed"));
        var element = parsed.RootElement.GetProperty("netguard@32473");
        Assert.Equal(
            ["syn-flood", "203.0.113.7", "source", "198.51.100.2", "out.syn", "1234.5", "10.25", "9.75", Detector],
            new[] { "kind", "subject", "role", "peer", "metric", "value", "baseline", "score", "detector" }.Select(p => element.GetProperty(p).GetString()));
        Assert.Equal(1, counters.Sent);
    }

    [Fact]
    public void Tcp_RsyslogDown_BuffersToTheBoundDropsTheNewestAndDeliversAfterRestart()
    {
        SkipIfUnavailable();
        using var rsyslog = RsyslogDaemon.Start();
        var counters = new SyslogCounters();
        var options = TestOptions.Create(SyslogTransport.Tcp, "127.0.0.1", rsyslog.TcpPort, bufferEvents: 50);
        using var logger = new LoggerConfiguration().WriteTo.Syslog(options, counters).CreateLogger();
        logger.Warning(SeqTemplate, "port-scan", "192.0.2.1", 0);
        rsyslog.WaitForMessages(IsAlert, 1, Timeout);
        Assert.True(Wait.Until(() => counters.Sent == 1, Timeout));

        rsyslog.Stop();
        var clock = Stopwatch.StartNew();
        for (var seq = 1; seq <= 80; seq++)
        {
            logger.Warning(SeqTemplate, "port-scan", "192.0.2.1", seq);
        }

        clock.Stop();

        // The caller never waited for the dead receiver; the sender keeps retrying in the background.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"80 events took {clock.Elapsed} to log");
        Assert.True(Wait.Until(() => counters.FailedAttempts >= 2, Timeout), "the sender is not retrying");
        Assert.Equal(1, counters.Sent);
        Assert.Equal(50, counters.Buffered);
        Assert.Equal(30, counters.Dropped);

        rsyslog.StartProcess();

        // The first 50 of the outage arrive, in order, once each; the 30 newest were the ones dropped.
        var messages = rsyslog.WaitForMessages(IsAlert, 51, Timeout);
        Assert.Equal(Enumerable.Range(0, 51), messages.Select(Seq));
        Assert.All(messages, m => Assert.Contains("kind=\"port-scan\" subject=\"192.0.2.1\"", Text(m, "sd"), StringComparison.Ordinal));
        Assert.True(Wait.Until(() => counters.Sent == 51, Timeout), $"sent {counters.Sent}");
        Assert.Equal(0, counters.Buffered);
        Assert.Equal(30, counters.Dropped);
        Assert.True(counters.Reconnects >= 1, $"reconnects {counters.Reconnects}");
    }

    [Fact]
    public void Unix_DefaultFormat_ImuxsockReadsTagPidAndMessage()
    {
        SkipIfUnavailable();
        using var rsyslog = RsyslogDaemon.Start();
        var options = TestOptions.Create(SyslogTransport.Unix, rsyslog.SocketPath);

        using (var logger = new LoggerConfiguration().WriteTo.Syslog(options).CreateLogger())
        {
            LogAlert(logger);
        }

        // imuxsock's special parser, the one behind /dev/log, reads syslog(3)'s format: no hostname.
        var message = Assert.Single(rsyslog.WaitForMessages(m => Text(m, "input") == "imuxsock", 1, Timeout));
        Assert.Equal("28", Text(message, "pri"));
        Assert.Equal("netguard", Text(message, "appname"));
        Assert.Equal(Environment.ProcessId.ToString(CultureInfo.InvariantCulture), Text(message, "procid"));
        Assert.Equal("ALERT syn-flood 203.0.113.7 (source) peer 198.51.100.2: out.syn 1234.5 vs baseline 10.25, score 9.75 [" + Detector + "]",
            Text(message, "msg").TrimStart());
    }

    [Fact]
    public void Udp_Rfc3164_RsyslogReadsHostnameTagAndPid()
    {
        SkipIfUnavailable();
        using var rsyslog = RsyslogDaemon.Start();
        var options = TestOptions.Create(SyslogTransport.Udp, "127.0.0.1", rsyslog.UdpPort, format: SyslogFormat.Rfc3164);

        using (var logger = new LoggerConfiguration().WriteTo.Syslog(options).CreateLogger())
        {
            logger.Error("enforcer failed on {Target}", "203.0.113.7");
        }

        var message = Assert.Single(rsyslog.WaitForMessages(m => Text(m, "input") == "imudp", 1, Timeout));
        Assert.Equal("27", Text(message, "pri"));
        Assert.Equal(Dns.GetHostName().Split('.')[0], Text(message, "hostname"));
        Assert.Equal("netguard", Text(message, "appname"));
        Assert.Equal(Environment.ProcessId.ToString(CultureInfo.InvariantCulture), Text(message, "procid"));
        Assert.Equal("enforcer failed on 203.0.113.7", Text(message, "msg").TrimStart());
    }
}
