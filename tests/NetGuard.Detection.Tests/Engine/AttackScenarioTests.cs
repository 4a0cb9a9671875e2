using System.Globalization;
using NetGuard.Core.Detection;
using NetGuard.Core.Packets;

namespace NetGuard.Detection.Tests.Engine;

/// <summary>Attacks written from scratch, with known ground truth, through aggregation and detection.</summary>
public class AttackScenarioTests
{
    private const string Attacker = "198.51.100.66";
    private const long Start = 60;

    [Fact]
    public void SynFlood_TenTimesBaseline_AlertedInTheSecondItStarts()
    {
        var t = new Traffic()
            .During(0, 90, Background.Web(200))
            .During(Start, 90, SynFlood(2000))
            .Run(90);

        Assert.Equal(0, t.Alerts.SecondsToDetect(AttackKind.SynFlood, Attacker, Start));
        var alert = t.Alerts.All.First(a => a.Kind == AttackKind.SynFlood);
        Assert.Equal(SubjectRole.Source, alert.Role);
        Assert.Equal(Traffic.Ip(Background.Server), alert.Peer);
        Assert.Equal("out.syn", alert.Metric);
        Assert.Equal(2000, alert.Value);
        Assert.DoesNotContain(t.Alerts.All, a => a.TimeMicros / 1_000_000 - Traffic.Epoch < Start);
    }

    [Fact]
    public void SynFlood_TwiceTheVictimsBaseline_AlertedWithinThreeSeconds()
    {
        var t = new Traffic()
            .During(0, 90, Background.Web(200))
            .During(Start, 90, SynFlood(200))
            .Run(90);

        Assert.InRange(t.Alerts.SecondsToDetect(AttackKind.SynFlood, Attacker, Start), 0, 3);
    }

    [Fact]
    public void UdpAndIcmpFloods_NameTheirSources()
    {
        var t = new Traffic()
            .During(0, 80, Background.Web(100))
            .During(Start, 80, (t, s) =>
            {
                for (var i = 0; i < 3000; i++)
                {
                    t.Udp(s, i * 300, "198.51.100.70", 4444, Background.Server, 53, 512);
                    if (i < 1500)
                    {
                        t.Icmp(s, i * 600, "198.51.100.71", Background.Server);
                    }
                }
            })
            .Run(80);

        Assert.Equal(0, t.Alerts.SecondsToDetect(AttackKind.UdpFlood, "198.51.100.70", Start));
        Assert.Equal(0, t.Alerts.SecondsToDetect(AttackKind.IcmpFlood, "198.51.100.71", Start));
    }

    [Fact]
    public void PortScan_FastAndSlow_NameTheScanner()
    {
        var t = new Traffic()
            .During(0, 80, Background.Web(100))
            .During(Start, Start + 5, Scan("198.51.100.80", portsPerSecond: 500))
            .During(Start, 80, Scan("198.51.100.81", portsPerSecond: 12))
            .Run(80);

        Assert.Equal(0, t.Alerts.SecondsToDetect(AttackKind.PortScan, "198.51.100.80", Start));
        Assert.InRange(t.Alerts.SecondsToDetect(AttackKind.PortScan, "198.51.100.81", Start), 0, 3);
    }

    [Fact]
    public void HostSweep_NamesTheSweeper()
    {
        var t = new Traffic()
            .During(0, 70, Background.Web(100))
            .During(Start, 70, (t, s) =>
            {
                for (var host = 1; host <= 100; host++)
                {
                    t.Tcp(s, host * 5000, "198.51.100.90", 45000, string.Create(CultureInfo.InvariantCulture, $"10.2.{s % 200}.{host}"), 22, TcpFlags.Syn);
                }
            })
            .Run(70);

        Assert.Equal(0, t.Alerts.SecondsToDetect(AttackKind.HostSweep, "198.51.100.90", Start));
    }

    [Fact]
    public void BruteForce_SustainedShortConnectionsToOneService_NamesTheSource()
    {
        var t = new Traffic()
            .During(0, 90, Background.Web(100))
            .During(Start, 90, (t, s) =>
            {
                for (var i = 0; i < 6; i++)
                {
                    var port = (ushort)(40000 + (s * 10) + i);
                    var at = i * 150_000;
                    t.Tcp(s, at, "198.51.100.95", port, "10.0.0.22", 22, TcpFlags.Syn);
                    t.Tcp(s, at + 50, "10.0.0.22", 22, "198.51.100.95", port, TcpFlags.Syn | TcpFlags.Ack);
                    t.Tcp(s, at + 100, "198.51.100.95", port, "10.0.0.22", 22, TcpFlags.Ack, 400);
                    t.Tcp(s, at + 150, "10.0.0.22", 22, "198.51.100.95", port, TcpFlags.Fin | TcpFlags.Ack);
                }
            })
            .Run(90);

        Assert.InRange(t.Alerts.SecondsToDetect(AttackKind.BruteForce, "198.51.100.95", Start), 0, 5);
    }

    [Fact]
    public void UdpFloodTailingOff_InASmallNetwork_IsNoBruteForce()
    {
        // As hping3 floods in the end-to-end lab: a web client, its server, and a UDP flood (a new
        // source port per packet) whose last second, as the tool's count runs out, holds only a few packets.
        const string Flooder = "10.250.40.12";
        var t = new Traffic()
            .During(0, 40, (t, s) =>
            {
                for (var i = 0; i < 2; i++)
                {
                    var port = (ushort)(40000 + (s * 2) + i);
                    var at = i * 450_000;
                    t.Tcp(s, at, "10.250.40.1", port, "10.250.40.2", 80, TcpFlags.Syn);
                    t.Tcp(s, at + 100, "10.250.40.2", 80, "10.250.40.1", port, TcpFlags.Syn | TcpFlags.Ack);
                    t.Tcp(s, at + 200, "10.250.40.1", port, "10.250.40.2", 80, TcpFlags.Ack, 200);
                    t.Tcp(s, at + 300, "10.250.40.2", 80, "10.250.40.1", port, TcpFlags.Fin | TcpFlags.Ack, 2200);
                    t.Tcp(s, at + 400, "10.250.40.1", port, "10.250.40.2", 80, TcpFlags.Fin | TcpFlags.Ack);
                }
            })
            .During(20, 28, (t, s) =>
            {
                var packets = s < 27 ? 400 : 30;
                for (var i = 0; i < packets; i++)
                {
                    t.Udp(s, i * 2000, Flooder, (ushort)(2000 + ((s * 400) + i) % 60000), "10.250.40.2", 53, 28);
                }
            })
            .Run(40);

        Assert.Equal(0, t.Alerts.SecondsToDetect(AttackKind.UdpFlood, Flooder, 20));
        Assert.DoesNotContain(t.Alerts.About(Flooder), a => a.Kind == AttackKind.BruteForce);
    }

    [Fact]
    public void SpoofedFlood_AlertsOnTheVictimAndNamesNoSource()
    {
        var t = new Traffic()
            .During(0, 70, Background.Web(100))
            .During(Start, 70, (t, s) =>
            {
                for (var i = 0; i < 20_000; i++)
                {
                    var source = NetAddress.FromIPv4((uint)t.Random.Next());
                    t.Add(new PacketRecord(((Traffic.Epoch + s) * 1_000_000) + (i * 40), source, Traffic.Ip(Background.Server), 60, IpProtocol.Tcp, (ushort)t.Random.Next(1024, 65535), 443, TcpFlags.Syn, PacketFlags.None, 0));
                }
            })
            .Run(70);

        Assert.Equal(0, t.Alerts.SecondsToDetect(AttackKind.DistributedFlood, Background.Server, Start));
        Assert.DoesNotContain(t.Alerts.All, a => a.Role == SubjectRole.Source && a.Kind.BlocksSource());
    }

    [Fact]
    public void LargeLegitimateDownload_AlertsVolumeOnlyAndNothingBlockable()
    {
        var t = new Traffic()
            .During(0, 90, Background.Web(100))
            .During(Start, Start + 10, (t, s) =>
            {
                // 50 MB/s down one connection the client opened.
                for (var i = 0; i < 35_000; i++)
                {
                    t.Tcp(s, i * 25, "10.0.0.80", 443, "10.1.0.7", 51000, TcpFlags.Ack, 1440);
                    if (i % 2 == 0)
                    {
                        t.Tcp(s, (i * 25) + 5, "10.1.0.7", 51000, "10.0.0.80", 443, TcpFlags.Ack);
                    }
                }
            })
            .During(0, 90, (t, s) =>
            {
                // The download server and client are known hosts with a little traffic of their own.
                t.Tcp(s, 1000, "10.1.0.7", 50999, "10.0.0.80", 443, TcpFlags.Ack, 200);
                t.Tcp(s, 2000, "10.0.0.80", 443, "10.1.0.7", 50999, TcpFlags.Ack, 1400);
                t.Tcp(s, 3000, "10.1.0.7", 50999, "10.0.0.80", 443, TcpFlags.Ack, 200);
            })
            .Run(90);

        Assert.DoesNotContain(t.Alerts.All, a => a.Kind.BlocksSource());
        Assert.Contains(t.Alerts.All, a => a.Kind is AttackKind.VolumeSpike or AttackKind.Changepoint);
    }

    [Fact]
    public void UdpServerAnsweringItsClients_IsNoFloodSource()
    {
        // QUIC-like: each second a new client opens a flow, then the server streams 1,500 datagrams a second to it.
        var t = new Traffic()
            .During(0, 40, Background.Web(50))
            .During(Start - 30, 40 + Start, (t, s) =>
            {
                var client = Background.Client((int)s % 400);
                t.Udp(s, 0, client, 50000, "10.0.0.90", 443, 1200);
                for (var i = 0; i < 1500; i++)
                {
                    t.Udp(s, 10 + (i * 500), "10.0.0.90", 443, client, 50000, 1350);
                }
            })
            .Run(40 + Start);

        Assert.DoesNotContain(t.Alerts.All, a => a.Kind == AttackKind.UdpFlood);
    }

    [Fact]
    public void BenignTraffic_TenMinutes_NoAlerts()
    {
        var t = new Traffic().During(0, 600, Background.Web(300)).Run(600);
        Assert.True(t.Alerts.All.Count == 0, string.Join("\n", t.Alerts.All.Take(10)));
        Assert.Equal(600, t.Engine.Counters.SecondsAssessed);
    }

    private static Action<Traffic, long> SynFlood(int perSecond) => (t, s) =>
    {
        for (var i = 0; i < perSecond; i++)
        {
            t.Tcp(s, i * (900_000 / perSecond), Attacker, (ushort)(1024 + ((s * perSecond + i) % 60000)), Background.Server, 443, TcpFlags.Syn);
        }
    };

    private static Action<Traffic, long> Scan(string scanner, int portsPerSecond) => (t, s) =>
    {
        for (var i = 0; i < portsPerSecond; i++)
        {
            var port = (ushort)(1 + ((s * portsPerSecond) + i) % 65535);
            t.Tcp(s, i * (900_000 / portsPerSecond), scanner, 61000, Background.Server, port, TcpFlags.Syn);
            t.Tcp(s, (i * (900_000 / portsPerSecond)) + 10, Background.Server, port, scanner, 61000, TcpFlags.Rst | TcpFlags.Ack);
        }
    };
}
