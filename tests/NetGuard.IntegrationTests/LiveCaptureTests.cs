using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using NetGuard.Core.Packets;
using NetGuard.Testing.Files;
using NetGuard.Testing.Frames;
using NetGuard.Testing.Lab;

namespace NetGuard.IntegrationTests;

/// <summary>libpcap for real, on a veth between two namespaces made by the test; traffic never leaves them.</summary>
public class LiveCaptureTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);

    [Fact]
    public void Capture_TcpreplayOfWrittenFrames_CountsAndHostStatisticsAreExact()
    {
        RequireLab("tcpreplay");
        using var lab = NetworkLab.Create();
        using var dir = new TempFile();
        long udpBytes = 0;
        using (var writer = PcapWriter.Create(dir.Path))
        {
            long t = 1_700_000_000L * 1_000_000;
            for (var port = 1; port <= 1000; port++)
            {
                writer.Write(t++, FrameBuilder.Ethernet(Spec("198.51.100.7", "192.0.2.10", IpProtocol.Tcp, (ushort)port)));
            }

            for (var i = 0; i < 2000; i++)
            {
                var frame = FrameBuilder.Ethernet(Spec("198.51.100.8", "192.0.2.10", IpProtocol.Udp, 53, payload: i % 200));
                udpBytes += frame.Length - 14;
                writer.Write(t++, frame);
            }

            for (var i = 0; i < 500; i++)
            {
                writer.Write(t++, FrameBuilder.Ethernet(Spec("2001:db8::9", "2001:db8::10", IpProtocol.Icmpv6, 0, vlan: 42)));
            }
        }

        using var capture = LiveCapture.Start(lab, 3500);
        capture.WaitUntilReady();
        NetworkLab.Exec(lab.NamespaceA, "tcpreplay", "-q", "--topspeed", "-i", lab.InterfaceA, dir.Path);
        var (exit, lines) = capture.Finish(Limit);

        Assert.Equal(0, exit);
        var summary = lines[^1];
        Assert.Equal("summary", summary.GetProperty("type").GetString());
        Assert.Equal(3500, summary.GetProperty("packets").GetInt64());
        Assert.Equal(3500, summary.GetProperty("ip_packets").GetInt64());
        Assert.Equal(0, summary.GetProperty("kernel_dropped").GetInt64());
        Assert.Equal(0, summary.GetProperty("pipeline_dropped").GetInt64());
        Assert.Equal(0, summary.GetProperty("decode_errors").GetInt64());

        var scanner = HostTotals.Of(lines, "198.51.100.7");
        Assert.Equal(1000, scanner.Packets);
        Assert.Equal(1000, scanner.Syn);
        Assert.Equal(1000, scanner.NewFlows);
        Assert.Equal(1000, scanner.Ports);
        var udp = HostTotals.Of(lines, "198.51.100.8");
        Assert.Equal(2000, udp.Udp);
        Assert.Equal(udpBytes, udp.Bytes);
        Assert.Equal(1, udp.NewFlows);
        Assert.Equal(500, HostTotals.Of(lines, "2001:db8::9").Icmp);
        Assert.Equal(3000, HostTotals.Of(lines, "192.0.2.10").InPackets);
    }

    [Fact]
    public void Capture_Hping3SynFlood_CountsEverySynWithFilter()
    {
        RequireLab("hping3");
        const int Subnet = 31;
        using var lab = NetworkLab.Create(Subnet);
        var a = NetworkLab.AddressA(Subnet);
        var b = NetworkLab.AddressB(Subnet);

        // Only the flood's SYNs: B's RSTs back and ARP are filtered out in the kernel.
        using var capture = LiveCapture.Start(lab, 2000, "--filter", $"tcp[tcpflags] & tcp-syn != 0 and src host {a}");
        capture.WaitUntilReady();
        NetworkLab.Exec(lab.NamespaceA, "hping3", "-q", "-S", "-p", "8080", "-c", "2000", "-i", "u200", b);
        var (exit, lines) = capture.Finish(Limit);

        Assert.Equal(0, exit);
        var summary = lines[^1];
        Assert.Equal(2000, summary.GetProperty("packets").GetInt64());
        Assert.Equal(0, summary.GetProperty("kernel_dropped").GetInt64());
        var flood = HostTotals.Of(lines, a);
        Assert.Equal(2000, flood.Syn);
        Assert.Equal(2000, flood.Packets);
        Assert.Equal(0, HostTotals.Of(lines, b).Packets);
    }

    [Fact]
    public void Capture_ReaderStalledDuringBurst_ReportsKernelDrops()
    {
        RequireLab("tcpreplay");
        using var lab = NetworkLab.Create();
        using var file = new TempFile();
        const int Sent = 60_000;
        using (var writer = PcapWriter.Create(file.Path))
        {
            var frame = FrameBuilder.Ethernet(Spec("198.51.100.9", "192.0.2.10", IpProtocol.Udp, 9, payload: 1000));
            for (var i = 0; i < Sent; i++)
            {
                writer.Write(1_700_000_000L * 1_000_000 + i, frame);
            }
        }

        // A 1 MiB ring cannot hold 60 MB; with the reader stopped, the kernel has to drop and count.
        using var capture = LiveCapture.Start(lab, Sent, "--config", WriteConfig(file.Path + ".json", """{"NetGuard":{"Capture":{"BufferMiB":1}}}"""));
        capture.WaitUntilReady();
        var netguard = FindNetguard(capture.ProcessId);
        Signal("STOP", netguard);
        try
        {
            NetworkLab.Exec(lab.NamespaceA, "tcpreplay", "-q", "--topspeed", "-i", lab.InterfaceA, file.Path);
        }
        finally
        {
            Signal("CONT", netguard);
        }

        // The capture never reaches its count now; stop it with SIGINT as an operator's Ctrl+C.
        Thread.Sleep(1500);
        Signal("INT", netguard);
        var (exit, lines) = capture.Finish(Limit);
        Assert.Equal(0, exit);
        var summary = lines[^1];
        var captured = summary.GetProperty("packets").GetInt64();
        var dropped = summary.GetProperty("kernel_dropped").GetInt64();
        Assert.True(dropped > 0, $"expected kernel drops, captured {captured}");
        Assert.Equal(Sent, captured + dropped);
    }

    [Fact]
    public void Capture_UnknownInterface_ClearErrorAndExitThree()
    {
        RequireLab();
        using var lab = NetworkLab.Create();
        var result = ProcessRunner.Run("ip", ["netns", "exec", lab.NamespaceB, .. NetGuard.Testing.RepositoryPaths.NetguardCommand, "capture", "nosuch0", "--count", "1"], TimeSpan.FromSeconds(60));
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("Interface 'nosuch0' does not exist", result.StandardError, StringComparison.Ordinal);
        Assert.Contains(lab.InterfaceB, result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Capture_InvalidFilter_ClearErrorAndExitThree()
    {
        RequireLab();
        using var lab = NetworkLab.Create();
        var result = ProcessRunner.Run("ip", ["netns", "exec", lab.NamespaceB, .. NetGuard.Testing.RepositoryPaths.NetguardCommand, "capture", lab.InterfaceB, "--filter", "tcp port banana", "--count", "1"], TimeSpan.FromSeconds(60));
        Assert.Equal(3, result.ExitCode);
        Assert.Contains(lab.InterfaceB, result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.StandardError, StringComparison.Ordinal);
    }

    private static FrameSpec Spec(string source, string destination, IpProtocol protocol, ushort port, int payload = 0, ushort? vlan = null) => new()
    {
        Source = IPAddress.Parse(source),
        Destination = IPAddress.Parse(destination),
        Protocol = protocol,
        SourcePort = 61000,
        DestinationPort = port,
        TcpFlags = TcpFlags.Syn,
        IcmpType = 128,
        PayloadLength = payload,
        VlanIds = vlan is { } v ? [v] : [],
    };

    private static void RequireLab(params string[] tools)
    {
        if (NetworkLab.Unavailable is { } reason)
        {
            Assert.Skip(reason);
        }

        foreach (var tool in tools)
        {
            if (!ProcessRunner.Exists(tool))
            {
                Assert.Skip($"{tool} is not installed (.ci/run installs it)");
            }
        }
    }

    private static string WriteConfig(string path, string json)
    {
        File.WriteAllText(path, json);
        return path;
    }

    /// <summary>The netguard process is the child of "ip netns exec" (which execs, so usually the same PID).</summary>
    private static int FindNetguard(int pid)
    {
        var cmdline = File.ReadAllText($"/proc/{pid}/cmdline");
        if (cmdline.Contains("netguard", StringComparison.Ordinal) && !cmdline.StartsWith("ip\0", StringComparison.Ordinal))
        {
            return pid;
        }

        var children = File.ReadAllText($"/proc/{pid}/task/{pid}/children").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return int.Parse(Assert.Single(children), CultureInfo.InvariantCulture);
    }

    private static void Signal(string signal, int pid) =>
        ProcessRunner.Run("kill", ["-" + signal, pid.ToString(CultureInfo.InvariantCulture)]).EnsureSuccess("kill -" + signal);
}
