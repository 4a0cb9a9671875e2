using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using NetGuard.Configuration;
using NetGuard.Hosting.Metrics;

namespace NetGuard.Tests;

public class MetricsConfigurationTests
{
    [Theory]
    [InlineData("127.0.0.1:9108", "127.0.0.1", 9108)]
    [InlineData("localhost:1", "localhost", 1)]
    [InlineData("[::1]:65535", "[::1]", 65535)]
    [InlineData("*:9108", "*", 9108)]
    [InlineData("0.0.0.0:9108", "*", 9108)]
    public void Endpoint_HostAndPort_Parses(string listen, string host, int port)
    {
        Assert.True(MetricsEndpoint.TryParse(listen, out var endpoint, out var error), error);
        Assert.Equal(new MetricsEndpoint(host, port), endpoint);
    }

    [Theory]
    [InlineData("""{"NetGuard":{"Metrics":{"Listen":"127.0.0.1:99999"}}}""", "NetGuard:Metrics:Listen = 127.0.0.1:99999: port '99999' is not between 1 and 65535")]
    [InlineData("""{"NetGuard":{"Metrics":{"Listen":"127.0.0.1:0"}}}""", "NetGuard:Metrics:Listen = 127.0.0.1:0: port '0' is not between 1 and 65535")]
    [InlineData("""{"NetGuard":{"Metrics":{"Listen":"localhost"}}}""", "NetGuard:Metrics:Listen = localhost: expected host:port")]
    [InlineData("""{"NetGuard":{"Metrics":{"Listen":"::1:9108"}}}""", "NetGuard:Metrics:Listen = ::1:9108: host '::1' is not an address or name (IPv6 goes in brackets")]
    [InlineData("""{"NetGuard":{"Metrics":{"Listen":"bad host:9108"}}}""", "NetGuard:Metrics:Listen = bad host:9108: host 'bad host'")]
    [InlineData("""{"NetGuard":{"Metrics":{"Enabled":"maybe"}}}""", "NetGuard:Metrics:Enabled = maybe: expected true or false")]
    [InlineData("""{"NetGuard":{"Metrics":{"Port":9108}}}""", "NetGuard:Metrics: unknown key 'Port' (known keys: Enabled, Listen)")]
    public void Metrics_InvalidValue_NamesTheKey(string json, string expected)
    {
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        var e = Assert.Throws<ConfigurationException>(() => NetGuardConfiguration.Metrics(configuration));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"NetGuard":{"Metrics":{"Enabled":false,"Listen":"nonsense"}}}""")]
    [InlineData("""{"NetGuard":{"Metrics":{"Listen":""}}}""")]
    public void Metrics_Off_ListenIsNotChecked(string json)
    {
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        Assert.False(NetGuardConfiguration.Metrics(configuration).IsOn());
    }

    [Fact]
    public async Task Start_PortTaken_WarnsAndGoesOnWithoutMetrics()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var options = new MetricsOptions { Listen = $"127.0.0.1:{port}" };
        using var service = new MetricsService(options, () => throw new Xunit.Sdk.XunitException("no meter is made without a listener"), NullLogger<MetricsService>.Instance);

        await service.StartAsync(TestContext.Current.CancellationToken);

        Assert.StartsWith("unavailable: ", service.Endpoint, StringComparison.Ordinal);
        await service.StopAsync(TestContext.Current.CancellationToken);
    }
}
