using System.Text;
using NetGuard.Alerting.Syslog;
using NetGuard.Alerting.Syslog.Formatting;
using NetGuard.Alerting.Tests.Support;
using Serilog.Events;

namespace NetGuard.Alerting.Tests.Formatting;

public class Rfc3164FormatterTests
{
    private static readonly TimeZoneInfo Plus2 = TimeZoneInfo.CreateCustomTimeZone("UTC+2", TimeSpan.FromHours(2), "UTC+2", "UTC+2");

    private static string Format(LogEvent logEvent, string? host = "sensor1.example.net", int maxBytes = 8192) =>
        Encoding.UTF8.GetString(new Rfc3164Formatter(SyslogFacility.Daemon, host, "netguard", 4242, Plus2, maxBytes).Format(logEvent));

    [Fact]
    public void Format_Alert_HasPriLocalTimeShortHostTagAndPid()
    {
        Assert.Equal(
            "<28>Mar  4 05:06:07 sensor1 netguard[4242]: ALERT syn-flood 203.0.113.7 (source) peer 198.51.100.2: out.syn 1234.5 vs baseline 10.25, score 9.75 [cusum]",
            Format(Events.Alert()));
    }

    [Fact]
    public void Format_LocalSocket_LeavesOutTheHostname()
    {
        Assert.Equal("<30>Mar  4 05:06:07 netguard[4242]: started", Format(Events.Create(LogEventLevel.Information, "started"), host: null));
    }

    [Fact]
    public void Format_TimeInAnotherZone_IsConvertedToLocalAcrossTheYear()
    {
        var time = new DateTimeOffset(2025, 12, 31, 23, 30, 0, TimeSpan.Zero);

        Assert.Equal("<30>Jan  1 01:30:00 sensor1 netguard[4242]: x", Format(Events.Create(LogEventLevel.Information, "x", time)));
    }

    [Fact]
    public void Format_TwoDigitDay_IsNotPadded()
    {
        var time = new DateTimeOffset(2025, 11, 14, 8, 9, 10, TimeSpan.FromHours(2));

        Assert.Equal("<30>Nov 14 08:09:10 sensor1 netguard[4242]: x", Format(Events.Create(LogEventLevel.Information, "x", time)));
    }

    [Fact]
    public void Format_IpAddressHost_IsKeptWhole()
    {
        Assert.StartsWith("<30>Mar  4 05:06:07 192.0.2.1 netguard[4242]: ", Format(Events.Create(LogEventLevel.Information, "x"), host: "192.0.2.1"), StringComparison.Ordinal);
    }

    [Fact]
    public void Format_LongMessage_IsCutWithinTheLimit()
    {
        var bytes = new Rfc3164Formatter(SyslogFacility.Daemon, null, "netguard", 4242, Plus2, 480).Format(Events.Create(LogEventLevel.Information, new string('x', 1000)));

        Assert.Equal(480, bytes.Length);
    }
}
