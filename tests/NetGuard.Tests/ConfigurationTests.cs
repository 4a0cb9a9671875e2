using Microsoft.Extensions.Configuration;
using NetGuard.Aggregation;
using NetGuard.Configuration;
using NetGuard.Core.Capture;
using NetGuard.Detection;
using NetGuard.Hosting.Metrics;
using NetGuard.Remediation;
using NetGuard.Testing.Files;

namespace NetGuard.Tests;

public class ConfigurationTests
{
    [Fact]
    public void EmbeddedDefaults_EqualTheOptionClassDefaults()
    {
        // config/netguard.json documents every key; it must say what the code does.
        var configuration = new ConfigurationBuilder().AddJsonStream(NetGuardConfiguration.OpenDefaults()).Build();
        var capture = NetGuardConfiguration.Capture(configuration);
        var aggregation = NetGuardConfiguration.Aggregation(configuration);
        Assert.Equivalent(new CaptureOptions(), capture, strict: true);
        Assert.Equivalent(new AggregationOptions(), aggregation, strict: true);
        Assert.Equivalent(new DetectionOptions(), NetGuardConfiguration.Detection(configuration), strict: true);
        Assert.Equivalent(new StateOptions(), NetGuardConfiguration.State(configuration), strict: true);
        var remediation = NetGuardConfiguration.Remediation(configuration);
        Assert.Equivalent(new RemediationOptions(), remediation, strict: true);
        Assert.Equivalent(new NetGuard.Alerting.Syslog.SyslogOptions(), NetGuardConfiguration.Syslog(configuration), strict: true);
        Assert.Equivalent(new MetricsOptions(), NetGuardConfiguration.Metrics(configuration), strict: true);
    }

    [Fact]
    public void EmbeddedDefaults_DocumentEveryOption()
    {
        using var json = System.Text.Json.JsonDocument.Parse(NetGuardConfiguration.OpenDefaults());
        foreach (var (type, section) in new[] { (typeof(CaptureOptions), CaptureOptions.Section), (typeof(AggregationOptions), AggregationOptions.Section), (typeof(DetectionOptions), DetectionOptions.Section), (typeof(RemediationOptions), RemediationOptions.Section), (typeof(StateOptions), StateOptions.Section), (typeof(NetGuard.Alerting.Syslog.SyslogOptions), "NetGuard:Alerts:Syslog"), (typeof(MetricsOptions), MetricsOptions.Section) })
        {
            var node = json.RootElement;
            foreach (var part in section.Split(':'))
            {
                Assert.True(node.TryGetProperty(part, out node), $"{section} is not in config/netguard.json");
            }

            foreach (var property in type.GetProperties().Where(p => p.CanWrite || p.PropertyType.IsGenericType))
            {
                Assert.True(node.TryGetProperty(property.Name, out _), $"{section}:{property.Name} is not in config/netguard.json");
            }
        }
    }

    [Theory]
    [InlineData("""{"NetGuard":{"Capture":{"BufferMiB":0}}}""", "NetGuard:Capture:BufferMiB = 0")]
    [InlineData("""{"NetGuard":{"Capture":{"SnapLength":"big"}}}""", "SnapLength")]
    [InlineData("""{"NetGuard":{"Capture":{"Bufer":5}}}""", "Bufer")]
    [InlineData("""{"NetGuard":{"Aggregation":{"MaxFlows":-1}}}""", "NetGuard:Aggregation:MaxFlows = -1")]
    [InlineData("""{"NetGuard":{"Aggregation":{"FlowIdleTimeout":"soon"}}}""", "FlowIdleTimeout")]
    [InlineData("""{"NetGuard": {"Capture": """, "not valid JSON")]
    [InlineData("""{"NetGuard":{"Detection":{"Thresholds":[{"Network":"10.0.0.0/33","Metric":"in.syn","PerSecond":100}]}}}""", "NetGuard:Detection:Thresholds:0:Network = 10.0.0.0/33")]
    [InlineData("""{"NetGuard":{"Detection":{"Thresholds":[{"Network":"10.0.0.0/8","Metric":"in.bogus","PerSecond":100}]}}}""", "NetGuard:Detection:Thresholds:0:Metric = in.bogus")]
    [InlineData("""{"NetGuard":{"Detection":{"SpikeZ":0}}}""", "NetGuard:Detection:SpikeZ = 0")]
    [InlineData("""{"NetGuard":{"Alerts":{"Syslog":{"Enabled":true,"Transport":"udp","Port":70000}}}}""", "Port")]
    [InlineData("""{"NetGuard":{"Remediation":{"Mode":"Sometimes"}}}""", "NetGuard:Remediation:Mode = Sometimes: expected one of Monitor, Approve, Auto")]
    [InlineData("""{"NetGuard":{"Remediation":{"Enforcer":"pf"}}}""", "NetGuard:Remediation:Enforcer = pf")]
    [InlineData("""{"NetGuard":{"Remediation":{"Allowlist":["10.0.0.0/8","10.300.0.1"]}}}""", "NetGuard:Remediation:Allowlist:1 = 10.300.0.1")]
    [InlineData("""{"NetGuard":{"Remediation":{"KindModes":{"sin-flood":"Auto"}}}}""", "NetGuard:Remediation:KindModes:sin-flood: unknown attack kind")]
    [InlineData("""{"NetGuard":{"Remediation":{"DefaultTtl":"-00:00:01"}}}""", "NetGuard:Remediation:DefaultTtl = -00:00:01")]
    [InlineData("""{"NetGuard":{"Remediation":{"ToolDirectory":"sbin; rm -rf /"}}}""", "NetGuard:Remediation:ToolDirectory = sbin; rm -rf /: expected an absolute directory")]
    [InlineData("""{"NetGuard":{"Remediation":{"EnforcerRetries":"three"}}}""", "EnforcerRetries")]
    [InlineData("""{"NetGuard":{"Capture":{"BufferMiB":[512]}}}""", "NetGuard:Capture:BufferMiB: expected a single value, not a list or object")]
    [InlineData("""{"NetGuard":{"Alerts":{"Syslog":{"Port":{"tcp":514}}}}}""", "NetGuard:Alerts:Syslog:Port: expected a single value, not a list or object")]
    [InlineData("""{"NetGuard":{"Remediation":{"Allowlist":"10.0.0.0/8"}}}""", "NetGuard:Remediation:Allowlist = 10.0.0.0/8: expected a list [...]")]
    public void Replay_InvalidConfiguration_NamesTheKeyAndExitsTwo(string json, string expected)
    {
        using var dir = new TempDirectory();
        var config = dir.File("netguard.json");
        File.WriteAllText(config, json);
        var capture = dir.File("x.pcap");
        using (PcapWriter.Create(capture))
        {
        }

        var result = Netguard.Run("replay", capture, "--config", config, "--json");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.StandardOutput);
        Assert.Contains(expected, result.StandardError, StringComparison.Ordinal);
        Assert.StartsWith("netguard: configuration:", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_MissingConfigurationFile_SaysSo()
    {
        using var dir = new TempDirectory();
        var capture = dir.File("x.pcap");
        using (PcapWriter.Create(capture))
        {
        }

        var result = Netguard.Run("replay", capture, "--config", dir.File("nope.json"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("configuration file not found", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_EnvironmentOverride_IsValidatedToo()
    {
        using var dir = new TempDirectory();
        var capture = dir.File("x.pcap");
        using (PcapWriter.Create(capture))
        {
        }

        var result = Netguard.RunWithEnvironment(new Dictionary<string, string> { ["NetGuard__Aggregation__MaxHostsPerSecond"] = "3" }, "replay", capture);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("NetGuard:Aggregation:MaxHostsPerSecond = 3", result.StandardError, StringComparison.Ordinal);
    }
}
