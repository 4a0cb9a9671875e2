using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using NetGuard.Alerting.Syslog;
using Serilog.Events;

namespace NetGuard.Alerting.Tests;

public class SyslogConfigurationTests
{
    private static IConfiguration Configuration(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => KeyValuePair.Create("NetGuard:Alerts:Syslog:" + v.Key, v.Value)))
            .Build();

    [Fact]
    public void Defaults_AreOffAndWouldWriteRfc3164ToDevLogAsDaemon()
    {
        var options = new SyslogOptions();

        Assert.False(options.Enabled);
        Assert.Equal(SyslogTransport.Unix, options.Transport);
        Assert.Equal("/dev/log", options.EffectiveAddress);
        Assert.Equal(SyslogFormat.Rfc3164, options.EffectiveFormat);
        Assert.Equal(514, options.Port);
        Assert.Equal(SyslogFacility.Daemon, options.Facility);
        Assert.Equal("netguard", options.AppName);
        Assert.Equal(10_000, options.BufferEvents);
        Assert.Equal(LogEventLevel.Information, options.MinimumLevel);
        Assert.Equal("netguard@32473", options.StructuredDataId);
        Assert.True(new SyslogOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData(SyslogTransport.Udp)]
    [InlineData(SyslogTransport.Tcp)]
    public void EffectiveFormatAndAddress_OnTheNetwork_AreRfc5424ToLoopback(SyslogTransport transport)
    {
        var options = new SyslogOptions { Transport = transport };

        Assert.Equal(SyslogFormat.Rfc5424, options.EffectiveFormat);
        Assert.Equal("127.0.0.1", options.EffectiveAddress);
    }

    [Fact]
    public void Read_EmptyConfiguration_GivesTheDefaults()
    {
        var options = SyslogConfiguration.Read(new ConfigurationBuilder().Build());

        Assert.False(options.Enabled);
        Assert.Equal(SyslogTransport.Unix, options.Transport);
    }

    [Fact]
    public void Read_OperatorKeys_AreParsedCaseInsensitively()
    {
        var options = SyslogConfiguration.Read(Configuration(
            ("Enabled", "true"), ("transport", "tcp"), ("Address", "logs.example.net"), ("Port", "6514"),
            ("Format", "RFC3164"), ("Facility", "local0"), ("BufferEvents", "500"), ("MinimumLevel", "warning"),
            ("ReconnectDelay", "00:00:01"), ("MaxReconnectDelay", "00:01:00"), ("FlushTimeout", "00:00:02")));

        Assert.True(options.Enabled);
        Assert.Equal(SyslogTransport.Tcp, options.Transport);
        Assert.Equal("logs.example.net", options.Address);
        Assert.Equal(6514, options.Port);
        Assert.Equal(SyslogFormat.Rfc3164, options.Format);
        Assert.Equal(SyslogFacility.Local0, options.Facility);
        Assert.Equal(500, options.BufferEvents);
        Assert.Equal(LogEventLevel.Warning, options.MinimumLevel);
        Assert.Equal(TimeSpan.FromSeconds(1), options.ReconnectDelay);
        Assert.Equal(TimeSpan.FromMinutes(1), options.MaxReconnectDelay);
        Assert.Equal(TimeSpan.FromSeconds(2), options.FlushTimeout);
    }

    [Fact]
    public void Read_EmptyFormatAndAddress_MeanByTransport()
    {
        var options = SyslogConfiguration.Read(Configuration(("Transport", "udp"), ("Format", ""), ("Address", "")));

        Assert.Null(options.Format);
        Assert.Null(options.Address);
        Assert.Equal(SyslogFormat.Rfc5424, options.EffectiveFormat);
    }

    [Fact]
    public void Read_BadValues_ReportsEveryOneWithItsFullKey()
    {
        var e = Assert.Throws<OptionsValidationException>(() => SyslogConfiguration.Read(Configuration(
            ("Port", "abc"), ("Transport", "carrier-pigeon"), ("Facility", "16"), ("Colour", "blue"), ("Enabled", "yes"))));

        Assert.Contains("NetGuard:Alerts:Syslog:Port = abc: expected a whole number", e.Failures);
        Assert.Contains("NetGuard:Alerts:Syslog:Transport = carrier-pigeon: expected unix, udp or tcp", e.Failures);
        Assert.Contains("NetGuard:Alerts:Syslog:Facility = 16: expected a facility name such as daemon or local0", e.Failures);
        Assert.Contains("NetGuard:Alerts:Syslog:Enabled = yes: expected true or false", e.Failures);
        Assert.Contains(e.Failures, f => f.StartsWith("NetGuard:Alerts:Syslog:Colour: unknown key (known keys: Enabled, Transport", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Port", "0", "NetGuard:Alerts:Syslog:Port:")]
    [InlineData("BufferEvents", "0", "NetGuard:Alerts:Syslog:BufferEvents:")]
    [InlineData("AppName", "net guard", "NetGuard:Alerts:Syslog:AppName:")]
    [InlineData("StructuredDataId", "netguard", "NetGuard:Alerts:Syslog:StructuredDataId:")]
    [InlineData("ReconnectDelay", "00:05:00", "NetGuard:Alerts:Syslog:ReconnectDelay: must not exceed MaxReconnectDelay")]
    [InlineData("MaxMessageBytes", "100", "NetGuard:Alerts:Syslog:MaxMessageBytes:")]
    public void Read_OutOfRange_IsRejected(string key, string value, string failure)
    {
        var e = Assert.Throws<OptionsValidationException>(() => SyslogConfiguration.Read(Configuration((key, value))));

        Assert.Contains(e.Failures, f => f.StartsWith(failure, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_UdpMessagesLargerThanADatagram_AreRejected()
    {
        var result = new SyslogOptionsValidator().Validate(null, new SyslogOptions { Transport = SyslogTransport.Udp, MaxMessageBytes = 70_000 });

        Assert.Contains("NetGuard:Alerts:Syslog:MaxMessageBytes: a UDP datagram carries at most 65507 bytes", result.Failures!);
    }

    [Fact]
    public void Validate_UnixPathLongerThanSunPath_IsRejected()
    {
        var result = new SyslogOptionsValidator().Validate(null, new SyslogOptions { Address = "/" + new string('x', 120) });

        Assert.Contains("NetGuard:Alerts:Syslog:Address: a unix socket path holds at most 107 bytes", result.Failures!);
    }

    [Theory]
    [InlineData("nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn")]
    [InlineData("net[guard]")]
    [InlineData("net:guard")]
    public void Validate_NotAnRfc3164Tag_IsRejectedForThatFormatOnly(string appName)
    {
        var result = new SyslogOptionsValidator().Validate(null, new SyslogOptions { AppName = appName });

        Assert.Contains("NetGuard:Alerts:Syslog:AppName: an RFC 3164 TAG holds at most 32 characters, without '[', ']' or ':'", result.Failures!);
        Assert.True(new SyslogOptionsValidator().Validate(null, new SyslogOptions { AppName = appName, Format = SyslogFormat.Rfc5424 }).Succeeded);
    }
}
