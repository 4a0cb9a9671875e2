using System.Globalization;
using System.Net;
using System.Text.Json;
using NetGuard.Core.Packets;
using NetGuard.Testing.Files;
using NetGuard.Testing.Frames;

namespace NetGuard.Tests;

/// <summary>The alert and decision lines of the replay contract, from a capture written by the test.</summary>
public class ReplayDetectionTests
{
    private const long Epoch = 1_700_000_000L * 1_000_000;

    [Fact]
    public void Replay_SynFloodAfterBaseline_AlertAndProposedBlockFollowTheContract()
    {
        using var dir = new TempDirectory();
        var path = dir.File("flood.pcap");
        var random = new Random(3);
        using (var writer = PcapWriter.Create(path))
        {
            for (var s = 0; s < 40; s++)
            {
                for (var c = 0; c < 30; c++)
                {
                    var client = string.Create(CultureInfo.InvariantCulture, $"10.1.0.{random.Next(1, 200)}");
                    var port = (ushort)random.Next(32768, 60000);
                    var t = Epoch + (s * 1_000_000L) + (c * 30_000);
                    writer.Write(t, FrameBuilder.Ethernet(Tcp(client, port, "10.0.0.1", 443, TcpFlags.Syn)));
                    writer.Write(t + 100, FrameBuilder.Ethernet(Tcp("10.0.0.1", 443, client, port, TcpFlags.Syn | TcpFlags.Ack)));
                    writer.Write(t + 200, FrameBuilder.Ethernet(Tcp(client, port, "10.0.0.1", 443, TcpFlags.Ack)));
                }

                if (s >= 35)
                {
                    for (var i = 0; i < 1000; i++)
                    {
                        writer.Write(Epoch + (s * 1_000_000L) + 950_000 + (i * 40), FrameBuilder.Ethernet(Tcp("203.0.113.66", (ushort)(1024 + i), "10.0.0.1", 443, TcpFlags.Syn)));
                    }
                }
            }
        }

        var result = Netguard.Run("replay", path, "--json");
        Assert.Equal(0, result.ExitCode);
        var lines = Netguard.JsonLines(result);
        var alert = Assert.Single(lines, l => l.GetProperty("type").GetString() == "alert");
        Assert.Equal("2023-11-14T22:13:55.000000Z", alert.GetProperty("time").GetString());
        Assert.Equal("syn-flood", alert.GetProperty("kind").GetString());
        Assert.Equal("203.0.113.66", alert.GetProperty("subject").GetString());
        Assert.Equal("source", alert.GetProperty("role").GetString());
        Assert.Equal("out.syn", alert.GetProperty("metric").GetString());
        Assert.Equal(1000, alert.GetProperty("value").GetDouble());
        Assert.Equal(JsonValueKind.Number, alert.GetProperty("baseline").ValueKind);
        Assert.True(alert.GetProperty("score").GetDouble() > 6);
        Assert.False(string.IsNullOrEmpty(alert.GetProperty("detector").GetString()));
        Assert.Equal("10.0.0.1", alert.GetProperty("peer").GetString());

        var decision = Assert.Single(lines, l => l.GetProperty("type").GetString() == "decision");
        Assert.Equal("block", decision.GetProperty("action").GetString());
        Assert.Equal("203.0.113.66", decision.GetProperty("target").GetString());
        Assert.Equal("proposed", decision.GetProperty("state").GetString());
        Assert.Equal(alert.GetProperty("time").GetString(), decision.GetProperty("time").GetString());
        Assert.False(string.IsNullOrEmpty(decision.GetProperty("id").GetString()));
        Assert.Contains("syn-flood", decision.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.True(decision.GetProperty("ttl_s").GetDouble() > 0);

        var summary = Netguard.Summary(result);
        Assert.Equal(1, summary.GetProperty("alerts").GetInt64());
    }

    private static FrameSpec Tcp(string source, ushort sport, string destination, ushort dport, TcpFlags flags) => new()
    {
        Source = IPAddress.Parse(source),
        Destination = IPAddress.Parse(destination),
        SourcePort = sport,
        DestinationPort = dport,
        TcpFlags = flags,
    };
}
