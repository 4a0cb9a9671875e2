using System.Net;
using NetGuard.Core.Packets;
using NetGuard.Testing.Files;
using NetGuard.Testing.Frames;

namespace NetGuard.Tests;

public class ReplayCommandTests
{
    private const long Start = 1_700_000_000L * 1_000_000;

    [Fact]
    public void Replay_GeneratedScan_SummaryAndHostSecondsMatchWhatWasWritten()
    {
        using var dir = new TempDirectory();
        var path = dir.File("scan.pcapng.misnamed");
        using (var writer = PcapWriter.Create(path))
        {
            // Second 0: a SYN scan of 300 ports with RST replies; second 2: one ARP frame and three pings.
            for (var port = 1; port <= 300; port++)
            {
                writer.Write(Start + (port * 1000), FrameBuilder.Ethernet(Syn("198.51.100.7", "10.0.0.2", (ushort)port)));
                writer.Write(Start + (port * 1000) + 10, FrameBuilder.Ethernet(new FrameSpec
                {
                    Source = IPAddress.Parse("10.0.0.2"), Destination = IPAddress.Parse("198.51.100.7"),
                    SourcePort = (ushort)port, DestinationPort = 61000, TcpFlags = TcpFlags.Rst | TcpFlags.Ack,
                }));
            }

            writer.Write(Start + 2_000_000, Arp());
            for (var i = 0; i < 3; i++)
            {
                writer.Write(Start + 2_100_000 + i, FrameBuilder.Ethernet(new FrameSpec
                {
                    Source = IPAddress.Parse("10.0.0.9"), Destination = IPAddress.Parse("10.0.0.2"), Protocol = IpProtocol.Icmp,
                }));
            }
        }

        var result = Netguard.Run("replay", path, "--json", "--stats");
        Assert.Equal(0, result.ExitCode);
        var lines = Netguard.JsonLines(result);
        var summary = Netguard.Summary(result);
        Assert.Equal(604, summary.GetProperty("packets").GetInt64());
        Assert.Equal(603, summary.GetProperty("ip_packets").GetInt64());
        Assert.Equal(1, summary.GetProperty("not_ip").GetInt64());
        Assert.Equal(0, summary.GetProperty("decode_errors").GetInt64());
        Assert.Equal(0, summary.GetProperty("pipeline_dropped").GetInt64());
        Assert.Equal(0, summary.GetProperty("kernel_dropped").GetInt64());
        Assert.Equal("2023-11-14T22:13:20.001000Z", summary.GetProperty("first").GetString());
        Assert.Equal("2023-11-14T22:13:22.100002Z", summary.GetProperty("last").GetString());
        Assert.True(summary.GetProperty("wall_s").GetDouble() > 0);
        Assert.True(summary.GetProperty("pps").GetDouble() > 0);

        var scanner = Assert.Single(lines, l => l.GetProperty("type").GetString() == "host-second" && l.GetProperty("host").GetString() == "198.51.100.7");
        Assert.Equal("2023-11-14T22:13:20.000000Z", scanner.GetProperty("time").GetString());
        var sent = scanner.GetProperty("out");
        Assert.Equal(300, sent.GetProperty("syn").GetInt32());
        Assert.Equal(300, sent.GetProperty("ports").GetInt32());
        Assert.Equal(300, sent.GetProperty("new_flows").GetInt32());
        Assert.Equal(1, sent.GetProperty("peers").GetInt32());
        Assert.Equal(300, scanner.GetProperty("in").GetProperty("rst").GetInt32());

        var victimLater = Assert.Single(lines, l => l.GetProperty("type").GetString() == "host-second" && l.GetProperty("host").GetString() == "10.0.0.2" && l.GetProperty("time").GetString()!.StartsWith("2023-11-14T22:13:22", StringComparison.Ordinal));
        Assert.Equal(3, victimLater.GetProperty("in").GetProperty("icmp").GetInt32());
    }

    [Fact]
    public void Replay_WithoutJson_PrintsReadableSummary()
    {
        using var dir = new TempDirectory();
        var path = dir.File("one.pcap");
        using (var writer = PcapWriter.Create(path))
        {
            writer.Write(Start, FrameBuilder.Ethernet(Syn("10.0.0.1", "10.0.0.2", 22)));
        }

        var result = Netguard.Run("replay", path);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("packets        1 (", result.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing", "cannot open")]
    [InlineData("empty", "empty")]
    [InlineData("garbage", "not a pcap or pcapng file")]
    [InlineData("header-only-half", "truncated")]
    public void Replay_BadFile_OneLineErrorAndExitTwo(string kind, string expected)
    {
        using var dir = new TempDirectory();
        var path = dir.File(kind + ".pcap");
        switch (kind)
        {
            case "empty":
                File.WriteAllBytes(path, []);
                break;
            case "garbage":
                File.WriteAllText(path, "<html>not a capture</html>");
                break;
            case "header-only-half":
                File.WriteAllBytes(path, [0xD4, 0xC3, 0xB2, 0xA1, 2, 0, 4, 0, 0, 0]);
                break;
            default:
                break;
        }

        var result = Netguard.Run("replay", path, "--json");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.StandardOutput);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Contains(path, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_TruncatedAfterPackets_ReportsWhatWasReadThenFails()
    {
        using var dir = new TempDirectory();
        var path = dir.File("cut.pcap");
        using (var writer = PcapWriter.Create(path))
        {
            for (var i = 0; i < 10; i++)
            {
                writer.Write(Start + i, FrameBuilder.Ethernet(Syn("10.0.0.1", "10.0.0.2", (ushort)(i + 1))));
            }
        }

        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^20]);

        var result = Netguard.Run("replay", path, "--json");
        Assert.Equal(2, result.ExitCode);
        var summary = Netguard.Summary(result);
        Assert.Equal(9, summary.GetProperty("packets").GetInt64());
        Assert.Contains("truncated", summary.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("truncated pcap file", result.StandardError, StringComparison.Ordinal);
    }

    private static FrameSpec Syn(string source, string destination, ushort port) => new()
    {
        Source = IPAddress.Parse(source),
        Destination = IPAddress.Parse(destination),
        SourcePort = 61000,
        DestinationPort = port,
        TcpFlags = TcpFlags.Syn,
    };

    private static byte[] Arp()
    {
        var frame = new byte[42];
        frame.AsSpan(0, 6).Fill(0xFF);
        frame[12] = 0x08;
        frame[13] = 0x06;
        return frame;
    }
}
