using NetGuard.Core.Packets;
using NetGuard.Core.Statistics;
using static NetGuard.Aggregation.Tests.Packets;

namespace NetGuard.Aggregation.Tests;

public class BoundsTests
{
    [Fact]
    public void Add_MoreHostsThanTheTableHolds_CountsUntrackedAndKeepsTotals()
    {
        var sink = new RecordingSink();
        var agg = Aggregator(sink, o => o.MaxHostsPerSecond = 16);
        for (var i = 1; i <= 100; i++)
        {
            agg.Add(Udp(0.5, $"203.0.113.{i}", 1000, "10.0.0.1", 53));
        }

        agg.Complete();
        var second = sink.Single();
        Assert.Equal(16, second.Hosts.Length);
        Assert.Equal(100, second.Packets);
        Assert.Equal(85, second.UntrackedHostPackets);
        // The victim was tracked from the first packet, so it counts every packet, tracked source or not.
        Assert.Equal(100, second.Host("10.0.0.1").In.Packets);
        Assert.Equal(85, agg.Counters.UntrackedHostPackets);
    }

    [Fact]
    public void Add_MorePairsThanTheTableHolds_CountsUntrackedPairs()
    {
        var sink = new RecordingSink();
        var agg = Aggregator(sink, o => o.MaxPairsPerSecond = 32);
        for (var port = 1; port <= 100; port++)
        {
            agg.Add(Tcp(0.5, "198.51.100.7", 61000, "10.0.0.2", (ushort)port, TcpFlags.Syn));
        }

        agg.Complete();
        var scanner = sink.Single().Host("198.51.100.7");
        Assert.Equal(32, scanner.Out.DistinctPorts);
        Assert.Equal(100, scanner.Out.NewFlows);
        Assert.Equal(68 * 2, sink.Single().UntrackedPairs);
    }

    [Fact]
    public void Add_MoreFlowsThanTheTableHolds_EvictsLeastRecentlySeen()
    {
        var sink = new RecordingSink();
        var agg = Aggregator(sink, o => o.MaxFlows = 16);
        for (var i = 0; i < 20; i++)
        {
            agg.Add(Udp(0.5, "10.0.0.1", (ushort)(1000 + i), "10.0.0.2", 53));
        }

        // The first four flows were evicted: seeing one again makes it new again.
        agg.Add(Udp(0.6, "10.0.0.1", 1000, "10.0.0.2", 53));

        // The most recent one is still tracked: not new.
        agg.Add(Udp(0.6, "10.0.0.1", 1019, "10.0.0.2", 53));
        agg.Complete();

        Assert.Equal(21, sink.Single().Host("10.0.0.1").Out.NewFlows);
        Assert.Equal(5, agg.Counters.FlowsEvicted);
        Assert.Equal(16, agg.Counters.FlowsTracked);
    }

    [Fact]
    public void Add_FlowIdleLongerThanTimeout_ExpiresAndStartsAgain()
    {
        var sink = new RecordingSink();
        var agg = Aggregator(sink, o => o.FlowIdleTimeout = TimeSpan.FromSeconds(10));
        agg.Add(Tcp(0, "10.0.0.1", 40000, "10.0.0.2", 22, TcpFlags.Ack));
        agg.Add(Tcp(9, "10.0.0.1", 40000, "10.0.0.2", 22, TcpFlags.Ack));
        agg.Add(Tcp(20, "10.0.0.1", 40000, "10.0.0.2", 22, TcpFlags.Ack));
        agg.Complete();

        Assert.Equal([1, 0, 1], sink.Seconds.Select(s => s.Host("10.0.0.1").Out.NewFlows));
        Assert.Equal(1, agg.Counters.FlowsExpired);
    }

    [Fact]
    public void Add_FlowOlderThanActiveTimeout_IsSplitButNotCountedNew()
    {
        var sink = new RecordingSink();
        var agg = Aggregator(sink, o => o.FlowActiveTimeout = TimeSpan.FromSeconds(5));
        for (var t = 0; t <= 12; t++)
        {
            agg.Add(Tcp(t, "10.0.0.1", 40000, "10.0.0.2", 22, TcpFlags.Ack));
        }

        agg.Complete();
        Assert.Equal(1, sink.Seconds.Sum(s => s.Host("10.0.0.1").Out.NewFlows));
        Assert.Equal(2, agg.Counters.FlowsSplit);
    }

    [Fact]
    public void Add_TenMillionSpoofedSources_AllocatesNothingAndStaysBounded()
    {
        // A spoofed flood: every packet from a new random source toward one victim, 1M sources a second.
        var sink = new CountingSink();
        var options = new AggregationOptions();
        var agg = new TrafficAggregator(options, sink);
        var victim = Ip("10.10.10.10");
        var random = new Random(42);
        const int Total = 10_000_000;

        // Warm up over the first full second (JIT, and the pair tables growing to their capacity) before measuring.
        const int WarmUp = 1_100_000;
        for (var i = 0; i < WarmUp; i++)
        {
            agg.Add(Spoofed(random, victim, i));
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = WarmUp; i < Total; i++)
        {
            agg.Add(Spoofed(random, victim, i));
        }

        agg.Complete();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(Total, agg.Counters.Packets);
        Assert.Equal(10, sink.Seconds);
        Assert.True(agg.Counters.UntrackedHostPackets > 0, "a million sources a second must overflow the default host table");
        Assert.True(agg.Counters.FlowsEvicted > 0);
        Assert.True(agg.Counters.FlowsTracked <= options.MaxFlows);
        Assert.True(sink.MaxHosts <= options.MaxHostsPerSecond);
    }

    private static PacketRecord Spoofed(Random random, NetAddress victim, int i) =>
        new(Base + (i / 1_000_000 * 1_000_000L) + (i % 1_000_000), NetAddress.FromIPv4((uint)random.Next()), victim, 60, IpProtocol.Tcp, (ushort)random.Next(1024, 65535), 80, TcpFlags.Syn, PacketFlags.None, 0);

    private sealed class CountingSink : ISecondSink
    {
        public int Seconds { get; private set; }

        public int MaxHosts { get; private set; }

        public void OnSecond(SecondSnapshot snapshot)
        {
            Seconds++;
            MaxHosts = Math.Max(MaxHosts, snapshot.Hosts.Length);
        }
    }
}
