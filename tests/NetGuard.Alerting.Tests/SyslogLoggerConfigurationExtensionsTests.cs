using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NetGuard.Alerting.Syslog;
using NetGuard.Alerting.Tests.Support;
using Serilog;
using Serilog.Extensions.Logging;

namespace NetGuard.Alerting.Tests;

/// <summary>The sink as the executable wires it: Serilog, Microsoft.Extensions.Logging on top, options from configuration.</summary>
public sealed class SyslogLoggerConfigurationExtensionsTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private Socket BindUnixReceiver(string name)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified) { ReceiveTimeout = 5000 };
        socket.Bind(new UnixDomainSocketEndPoint(_directory.File(name)));
        return socket;
    }

    private static string ReceiveText(Socket socket)
    {
        var buffer = new byte[65536];
        return Encoding.UTF8.GetString(buffer, 0, socket.Receive(buffer));
    }

    /// <summary>Logs through ILogger as AlertLogSink does (event id 200, same template and argument types).</summary>
    private static void LogAlert(Serilog.ILogger serilog, string detector = "cusum")
    {
        using var factory = new SerilogLoggerFactory(serilog);
        var logger = factory.CreateLogger("NetGuard.Hosting.AlertLogSink");
#pragma warning disable CA1848, CA2254 // the same template and arguments as the source-generated LogAlert
        logger.Log(Microsoft.Extensions.Logging.LogLevel.Warning, new EventId(200, "LogAlert"), Events.AlertTemplate,
            "syn-flood", "203.0.113.7", "source", "198.51.100.2", "out.syn", 1234.5, 10.25, 9.75, detector);
#pragma warning restore CA1848, CA2254
    }

    [Fact]
    public void Syslog_UnixDefaults_WritesWhatSyslog3WouldToTheSocket()
    {
        using var receiver = BindUnixReceiver("log");
        var options = TestOptions.Create(SyslogTransport.Unix, _directory.File("log"));

        using (var serilog = new LoggerConfiguration().WriteTo.Syslog(options).CreateLogger())
        {
            LogAlert(serilog);
        }

        var message = ReceiveText(receiver);
        Assert.Matches(new Regex(
            @"^<28>(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ 1-3]\d \d\d:\d\d:\d\d netguard\[" + Environment.ProcessId
            + @"\]: ALERT syn-flood 203\.0\.113\.7 \(source\) peer 198\.51\.100\.2: out\.syn 1234\.5 vs baseline 10\.25, score 9\.75 \[cusum\]$"), message);
    }

    [Fact]
    public void Syslog_UnixRfc5424_CarriesTheAlertAsStructuredData()
    {
        using var receiver = BindUnixReceiver("log5424");
        var options = TestOptions.Create(SyslogTransport.Unix, _directory.File("log5424"), format: SyslogFormat.Rfc5424);

        using (var serilog = new LoggerConfiguration().WriteTo.Syslog(options).CreateLogger())
        {
            LogAlert(serilog, detector: "rule \"slow\" [x]");
        }

        var message = ReceiveText(receiver);
        Assert.Matches(new Regex(@"^<28>1 \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z \S+ netguard " + Environment.ProcessId + " alert "), message);
        Assert.Contains(
            "[netguard@32473 kind=\"syn-flood\" subject=\"203.0.113.7\" role=\"source\" peer=\"198.51.100.2\" metric=\"out.syn\""
            + " value=\"1234.5\" baseline=\"10.25\" score=\"9.75\" detector=\"rule \\\"slow\\\" [x\\]\"] ALERT syn-flood", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Syslog_MinimumLevel_FiltersLowerEvents()
    {
        using var receiver = BindUnixReceiver("level");
        var options = TestOptions.Create(SyslogTransport.Unix, _directory.File("level"));
        options.MinimumLevel = Serilog.Events.LogEventLevel.Warning;

        using (var serilog = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Syslog(options).CreateLogger())
        {
            serilog.Information("not sent");
            serilog.Warning("sent");
        }

        Assert.EndsWith("]: sent", ReceiveText(receiver), StringComparison.Ordinal);
    }

    [Fact]
    public void Syslog_Disabled_AddsNothingAndOpensNothing()
    {
        var counters = new SyslogCounters();

        using (var serilog = new LoggerConfiguration().WriteTo.Syslog(new SyslogOptions { Enabled = false }, counters).CreateLogger())
        {
            serilog.Warning("nowhere");
        }

        Assert.Equal(0, counters.Sent + counters.Dropped + counters.Buffered);
    }

    [Fact]
    public void Syslog_InvalidOptions_ThrowAtConfigurationTime()
    {
        var options = new SyslogOptions { Enabled = true, Port = 0 };

        Assert.Throws<OptionsValidationException>(() => new LoggerConfiguration().WriteTo.Syslog(options));
    }

    [Fact]
    public void ReadFromConfiguration_WriteToSyslog_ReadsTheNetGuardSection()
    {
        using var receiver = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveTimeout = 5000 };
        receiver.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Serilog:Using:0"] = "NetGuard.Alerting",
            ["Serilog:WriteTo:0:Name"] = "Syslog",
            ["NetGuard:Alerts:Syslog:Enabled"] = "true",
            ["NetGuard:Alerts:Syslog:Transport"] = "udp",
            ["NetGuard:Alerts:Syslog:Address"] = "127.0.0.1",
            ["NetGuard:Alerts:Syslog:Port"] = ((IPEndPoint)receiver.LocalEndPoint!).Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["NetGuard:Alerts:Syslog:Facility"] = "local3",
        }).Build();

        using (var serilog = new LoggerConfiguration().ReadFrom.Configuration(configuration).CreateLogger())
        {
            serilog.Error("from configuration");
        }

        var message = ReceiveText(receiver);
        Assert.StartsWith("<155>1 ", message, StringComparison.Ordinal);
        Assert.EndsWith(" netguard " + Environment.ProcessId + " - - from configuration", message, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();
}
