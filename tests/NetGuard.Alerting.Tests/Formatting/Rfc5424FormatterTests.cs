using System.Text;
using NetGuard.Alerting.Syslog;
using NetGuard.Alerting.Syslog.Formatting;
using NetGuard.Alerting.Tests.Support;
using Serilog.Events;
using Serilog.Parsing;

namespace NetGuard.Alerting.Tests.Formatting;

public class Rfc5424FormatterTests
{
    private const string Header = "<28>1 2025-03-04T03:06:07.123456Z sensor1.example.net netguard 4242";

    private static Rfc5424Formatter Formatter(SyslogFacility facility = SyslogFacility.Daemon, int maxBytes = 8192, string? host = "sensor1.example.net") =>
        new(facility, host, "netguard", 4242, "netguard@32473", maxBytes);

    private static string Text(byte[] message) => Encoding.UTF8.GetString(message);

    [Fact]
    public void Format_Alert_CarriesEveryFieldAsStructuredData()
    {
        var message = Text(Formatter().Format(Events.Alert()));

        Assert.Equal(
            Header + " alert [netguard@32473 kind=\"syn-flood\" subject=\"203.0.113.7\" role=\"source\" peer=\"198.51.100.2\""
            + " metric=\"out.syn\" value=\"1234.5\" baseline=\"10.25\" score=\"9.75\" detector=\"cusum\"]"
            + " ALERT syn-flood 203.0.113.7 (source) peer 198.51.100.2: out.syn 1234.5 vs baseline 10.25, score 9.75 [cusum]",
            message);
    }

    [Fact]
    public void Format_ParamValueWithQuoteBackslashAndBracket_EscapesThemInStructuredDataOnly()
    {
        var message = Text(Formatter().Format(Events.Alert(detector: "a\"b\\c]d")));

        Assert.Contains(" detector=\"a\\\"b\\\\c\\]d\"]", message, StringComparison.Ordinal);
        Assert.EndsWith("score 9.75 [a\"b\\c]d]", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_AlertWithSomeFields_CarriesOnlyThosePresent()
    {
        var logEvent = Events.Create(LogEventLevel.Warning, "scan {Kind} {Subject} decision {DecisionId}", null,
            ("Kind", "port-scan"), ("Subject", "2001:db8::1"), ("DecisionId", "D-17"), ("Unrelated", "x"));

        Assert.Equal(
            Header + " alert [netguard@32473 kind=\"port-scan\" subject=\"2001:db8::1\" decision=\"D-17\"] scan port-scan 2001:db8::1 decision D-17",
            Text(Formatter().Format(logEvent)));
    }

    [Fact]
    public void Format_NonAlertWithEventId_HasNoStructuredDataAndTheIdAsMsgId()
    {
        var eventId = new StructureValue([new LogEventProperty("Id", new ScalarValue(7)), new LogEventProperty("Name", new ScalarValue("Capturing"))]);
        var logEvent = Events.Create(LogEventLevel.Information, "Capturing on {Interface}", null, ("Interface", "eth0"), ("EventId", eventId));

        Assert.Equal("<30>1 2025-03-04T03:06:07.123456Z sensor1.example.net netguard 4242 7 - Capturing on eth0", Text(Formatter().Format(logEvent)));
    }

    [Fact]
    public void Format_NonAlertWithoutEventId_UsesNilValues()
    {
        var logEvent = Events.Create(LogEventLevel.Error, "disk full", null);

        Assert.Equal("<27>1 2025-03-04T03:06:07.123456Z - netguard 4242 - - disk full", Text(Formatter(host: null).Format(logEvent)));
    }

    [Fact]
    public void Format_EmptyMessage_EndsAfterStructuredData()
    {
        var logEvent = new LogEvent(Events.Time, LogEventLevel.Warning, null, new MessageTemplateParser().Parse(""), []);

        Assert.Equal(Header + " - -", Text(Formatter().Format(logEvent)));
    }

    [Theory]
    [InlineData(SyslogFacility.Kern, LogEventLevel.Fatal, 2)]
    [InlineData(SyslogFacility.User, LogEventLevel.Debug, 15)]
    [InlineData(SyslogFacility.Daemon, LogEventLevel.Information, 30)]
    [InlineData(SyslogFacility.Auth, LogEventLevel.Warning, 36)]
    [InlineData(SyslogFacility.AuthPriv, LogEventLevel.Error, 83)]
    [InlineData(SyslogFacility.Local0, LogEventLevel.Error, 131)]
    [InlineData(SyslogFacility.Local7, LogEventLevel.Verbose, 191)]
    public void Format_FacilityAndLevel_GivePri(SyslogFacility facility, LogEventLevel level, int pri)
    {
        var message = Text(Formatter(facility).Format(Events.Create(level, "x", null)));

        Assert.StartsWith($"<{pri}>1 ", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_NonAsciiMessage_StartsMsgWithBom()
    {
        var bytes = Formatter().Format(Events.Create(LogEventLevel.Warning, "Schnittstelle für {Name}", null, ("Name", "eth0")));

        var expected = Encoding.UTF8.GetBytes(Header + " - - ").Concat(new byte[] { 0xEF, 0xBB, 0xBF }).Concat(Encoding.UTF8.GetBytes("Schnittstelle für eth0"));
        Assert.Equal(expected, bytes);
    }

    [Fact]
    public void Format_AsciiMessage_HasNoBom()
    {
        var bytes = Formatter().Format(Events.Create(LogEventLevel.Warning, "plain", null));

        Assert.Equal(Encoding.ASCII.GetBytes(Header + " - - plain"), bytes);
    }

    [Fact]
    public void Format_NonAsciiParamValue_IsUtf8WithoutEscaping()
    {
        var logEvent = Events.Create(LogEventLevel.Warning, "x", null, ("Kind", "volume-spike"), ("Subject", "10.0.0.1"), ("Detector", "größe"));

        Assert.EndsWith("detector=\"größe\"] x", Text(Formatter().Format(logEvent)), StringComparison.Ordinal);
    }

    [Fact]
    public void Format_Exception_FollowsTheMessageOnItsOwnLine()
    {
        var logEvent = Events.Create(LogEventLevel.Warning, "send failed", null, new InvalidOperationException("boom"));

        Assert.Equal(Header + " - - send failed\nSystem.InvalidOperationException: boom", Text(Formatter().Format(logEvent)));
    }

    [Fact]
    public void Format_LongNonAsciiMessage_IsCutAtACharacterBoundaryWithinTheLimit()
    {
        var logEvent = Events.Create(LogEventLevel.Warning, new string('ä', 400), null);

        var bytes = Formatter(maxBytes: 480).Format(logEvent);

        // Header, " - - ", a 3-byte BOM, then whole 2-byte characters: 479 or 480 bytes, never a half character.
        Assert.InRange(bytes.Length, 479, 480);
        var text = Encoding.UTF8.GetString(bytes);
        Assert.StartsWith(Header + " - - \uFEFFää", text, StringComparison.Ordinal);
        Assert.All(text[(Header.Length + 6)..], c => Assert.Equal('ä', c));
    }

    [Fact]
    public void Format_StructuredDataLongerThanTheLimit_SendsNoneRatherThanHalf()
    {
        var logEvent = Events.Create(LogEventLevel.Warning, "alert", null, ("Kind", "syn-flood"), ("Subject", new string('s', 600)));

        Assert.Equal(Header + " alert - alert", Text(Formatter(maxBytes: 480).Format(logEvent)));
    }

    [Fact]
    public void Format_HostNameWithSpaces_IsMadePrintable()
    {
        var message = Text(Formatter(host: "my host").Format(Events.Create(LogEventLevel.Information, "x", null)));

        Assert.StartsWith("<30>1 2025-03-04T03:06:07.123456Z my_host netguard 4242 - - x", message, StringComparison.Ordinal);
    }
}
