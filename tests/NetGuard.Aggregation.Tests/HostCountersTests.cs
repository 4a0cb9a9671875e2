using NetGuard.Core.Packets;
using static NetGuard.Aggregation.Tests.Packets;

namespace NetGuard.Aggregation.Tests;

public class HostCountersTests
{
    [Fact]
    public void Add_TcpHandshakeAndTeardown_CountsFlagsPerDirection()
    {
        var sink = new RecordingSink();
        var agg = Aggregator(sink);
        agg.Add(Tcp(0.1, "10.0.0.1", 40000, "10.0.0.2", 80, TcpFlags.Syn));
        agg.Add(Tcp(0.2, "10.0.0.2", 80, "10.0.0.1", 40000, TcpFlags.Syn | TcpFlags.Ack));
        agg.Add(Tcp(0.3, "10.0.0.1", 40000, "10.0.0.2", 80, TcpFlags.Ack, 1500));
        agg.Add(Tcp(0.4, "10.0.0.1", 40000, "10.0.0.2", 80, TcpFlags.Fin | TcpFlags.Ack));
        agg.Add(Tcp(0.5, "10.0.0.2", 80, "10.0.0.1", 40000, TcpFlags.Rst));
        agg.Complete();

        var second = sink.Single();
        Assert.Equal(Second(0), second.Second);
        Assert.Equal(5, second.Packets);
        Assert.Equal(60 + 60 + 1500 + 60 + 60, second.Bytes);
        var client = second.Host("10.0.0.1");
        Assert.Equal(3, client.Out.Packets);
        Assert.Equal(1620, client.Out.Bytes);
        Assert.Equal(1, client.Out.Syn);
        Assert.Equal(0, client.Out.SynAck);
        Assert.Equal(1, client.Out.Fin);
        Assert.Equal(1, client.Out.NewFlows);
        Assert.Equal(1, client.Out.DistinctPeers);
        Assert.Equal(1, client.Out.DistinctPorts);
        Assert.Equal(2, client.In.Packets);
        Assert.Equal(1, client.In.SynAck);
        Assert.Equal(1, client.In.Rst);
        Assert.Equal(0, client.In.NewFlows);
        var server = second.Host("10.0.0.2");
        Assert.Equal(1, server.In.Syn);
        Assert.Equal(1, server.In.NewFlows);
        Assert.Equal(1, server.In.DistinctPorts);
        Assert.Equal(0, server.Out.NewFlows);
        Assert.Equal(0, server.Out.DistinctPorts);
    }

    [Fact]
    public void Add_UdpIcmpAndFragments_CountedByProtocol()
    {
        var sink = new RecordingSink();
        var agg = Aggregator(sink);
        agg.Add(Udp(0.1, "10.0.0.1", 5353, "10.0.0.9", 53));
        agg.Add(Icmp(0.2, "10.0.0.1", "10.0.0.9"));
        agg.Add(Fragment(0.3, "10.0.0.1", "10.0.0.9", later: false));
        agg.Add(Fragment(0.4, "10.0.0.1", "10.0.0.9", later: true));
        agg.Complete();

        var h = sink.Single().Host("10.0.0.1");
        Assert.Equal(3, h.Out.Udp);
        Assert.Equal(1, h.Out.Icmp);
        Assert.Equal(2, h.Out.Fragments);
        Assert.Equal(1, h.Out.DistinctPeers);
        Assert.Equal(4, sink.Single().Host("10.0.0.9").In.Packets);
    }

    [Theory]
    [InlineData(IpProtocol.Icmp, 0)]
    [InlineData(IpProtocol.Icmp, 3)]
    [InlineData(IpProtocol.Icmp, 11)]
    [InlineData(IpProtocol.Icmpv6, 1)]
    [InlineData(IpProtocol.Icmpv6, 129)]
    public void Add_IcmpRepliesAndErrors_AreNotCountedAsIcmpRequests(IpProtocol protocol, byte type)
    {
        var sink = new RecordingSink();
        var agg = Aggregator(sink);
        agg.Add(new PacketRecord(At(0.1), Ip("10.0.0.1"), Ip("10.0.0.2"), 84, protocol, 0, 0, TcpFlags.None, PacketFlags.None, type));
        agg.Add(new PacketRecord(At(0.2), Ip("10.0.0.1"), Ip("10.0.0.2"), 84, protocol, 0, 0, TcpFlags.None, PacketFlags.None, protocol == IpProtocol.Icmp ? (byte)8 : (byte)128));
        agg.Complete();
        var h = sink.Single().Host("10.0.0.1");
        Assert.Equal(2, h.Out.Packets);
        Assert.Equal(1, h.Out.Icmp);
    }

    [Fact]
    public void Add_PortScan_CountsDistinctPortsOfNewFlows()
    {
        var sink = new RecordingSink();
        var agg = Aggregator(sink);
        for (var port = 1; port <= 1000; port++)
        {
            agg.Add(Tcp(0.5, "198.51.100.7", 61000, "10.0.0.2", (ushort)port, TcpFlags.Syn));
            agg.Add(Tcp(0.5, "10.0.0.2", (ushort)port, "198.51.100.7", 61000, TcpFlags.Rst | TcpFlags.Ack));
        }

        agg.Complete();
        var scanner = sink.Single().Host("198.51.100.7");
        Assert.Equal(1000, scanner.Out.Syn);
        Assert.Equal(1000, scanner.Out.NewFlows);
        Assert.Equal(1000, scanner.Out.DistinctPorts);
        Assert.Equal(1, scanner.Out.DistinctPeers);
        Assert.Equal(1000, scanner.In.Rst);
        var victim = sink.Single().Host("10.0.0.2");
        Assert.Equal(1000, victim.In.DistinctPorts);
        Assert.Equal(0, victim.Out.DistinctPorts);
        Assert.Equal(Ip("10.0.0.2"), scanner.TopDestination);
        Assert.Equal(1000, scanner.TopDestinationPackets);
        Assert.Equal(Ip("198.51.100.7"), victim.TopSource);
    }

    [Fact]
    public void Add_HostSweep_CountsDistinctPeers()
    {
        var sink = new RecordingSink();
        var agg = Aggregator(sink);
        for (var host = 1; host <= 254; host++)
        {
            agg.Add(Tcp(0.5, "10.0.0.128", 50000, $"10.0.1.{host}", 80, TcpFlags.Syn));
        }

        agg.Complete();
        var sweeper = sink.Single().Host("10.0.0.128");
        Assert.Equal(254, sweeper.Out.DistinctPeers);
        Assert.Equal(1, sweeper.Out.DistinctPorts);
        Assert.Equal(254, sweeper.Out.NewFlows);
        Assert.Equal(255, sink.Single().Hosts.Length);
    }

    [Fact]
    public void Add_ManyClientsToOneServicePort_ServerSeesOneDistinctPort()
    {
        var sink = new RecordingSink();
        var agg = Aggregator(sink);
        for (var i = 0; i < 50; i++)
        {
            agg.Add(Tcp(0.5, "10.0.0.1", (ushort)(40000 + i), "10.0.0.2", 443, TcpFlags.Syn));
            agg.Add(Tcp(0.5, "10.0.0.2", 443, "10.0.0.1", (ushort)(40000 + i), TcpFlags.Syn | TcpFlags.Ack));
        }

        agg.Complete();
        var server = sink.Single().Host("10.0.0.2");
        Assert.Equal(1, server.In.DistinctPorts);
        Assert.Equal(50, server.In.NewFlows);
        Assert.Equal(0, server.Out.DistinctPorts);
        Assert.Equal(50, server.Out.SynAck);
    }

    [Fact]
    public void Add_SpoofedSourcesWithFewPackets_CountsFewPacketSources()
    {
        var sink = new RecordingSink();
        var agg = Aggregator(sink);
        for (var i = 0; i < 100; i++)
        {
            agg.Add(Udp(0.5, $"203.0.{i / 250}.{(i % 250) + 1}", 161, "10.10.10.10", 40000));
        }

        // Two sources that send more than two packets, and one that sends exactly two.
        for (var i = 0; i < 10; i++)
        {
            agg.Add(Udp(0.6, "192.0.2.1", 1000, "10.10.10.10", 53));
            agg.Add(Udp(0.6, "192.0.2.2", 1000, "10.10.10.10", 53));
        }

        agg.Add(Udp(0.7, "192.0.2.3", 1000, "10.10.10.10", 53));
        agg.Add(Udp(0.7, "192.0.2.3", 1000, "10.10.10.10", 53));
        agg.Complete();

        var victim = sink.Single().Host("10.10.10.10");
        Assert.Equal(103, victim.In.DistinctPeers);
        Assert.Equal(101, victim.FewPacketSources);
        Assert.Equal(10, victim.TopSourcePackets);
        Assert.Equal(101.0 / 103, victim.FewPacketSourceShare, 10);
    }
}
