using NetGuard.Core.Packets;
using static NetGuard.Aggregation.Tests.Packets;

namespace NetGuard.Aggregation.Tests;

/// <summary>
/// The host, pair and flow tables start small and grow within a second: nothing seen before a growth
/// may be lost or counted twice after it, and the prefetching batch path must count exactly as one by one.
/// </summary>
public class TableGrowthTests
{
    [Fact]
    public void Add_HundredThousandFlowsAndHosts_SurviveEveryGrowth()
    {
        const int Flows = 100_000;
        var sink = new RecordingSink();
        var agg = Aggregator(sink);
        var victim = Ip("10.0.0.1");
        for (var second = 0; second < 2; second++)
        {
            for (var i = 0; i < Flows; i++)
            {
                agg.Add(new PacketRecord(At(second + 0.5), NetAddress.FromIPv4(0xC0000000u + (uint)i), victim, 60, IpProtocol.Tcp, 40000, 443, TcpFlags.Ack, PacketFlags.None, 0));
            }
        }

        agg.Complete();
        Assert.Equal(2, sink.Seconds.Count);
        var first = sink.Seconds[0];
        var second2 = sink.Seconds[1];
        Assert.Equal(Flows + 1, first.Hosts.Length);
        Assert.Equal(Flows, first.Host("10.0.0.1").In.NewFlows);
        Assert.Equal(Flows, first.Host("10.0.0.1").In.DistinctPeers);

        // The same flows a second later: every one is found again, none is new.
        Assert.Equal(0, second2.Host("10.0.0.1").In.NewFlows);
        Assert.Equal(Flows, second2.Host("10.0.0.1").In.Packets);
        Assert.Equal(Flows, agg.Counters.FlowsTracked);
        Assert.Equal(0, agg.Counters.FlowsEvicted);
    }

    [Fact]
    public void AddRange_RandomTraffic_CountsExactlyAsAddOneByOne()
    {
        var packets = RandomTraffic(seed: 7, count: 60_000);
        var one = new RecordingSink();
        var byOne = Aggregator(one);
        foreach (var p in packets)
        {
            byOne.Add(p);
        }

        byOne.Complete();

        var batched = new RecordingSink();
        var byRange = Aggregator(batched);
        var span = packets.AsSpan();
        for (var start = 0; start < span.Length; start += 256)
        {
            byRange.AddRange(span.Slice(start, Math.Min(256, span.Length - start)));
        }

        byRange.Complete();

        Assert.Equal(one.Seconds.Count, batched.Seconds.Count);
        for (var s = 0; s < one.Seconds.Count; s++)
        {
            Assert.Equal(one.Seconds[s].Second, batched.Seconds[s].Second);
            Assert.Equal(one.Seconds[s].Hosts, batched.Seconds[s].Hosts);
        }

        Assert.Equal(byOne.Counters.FlowsTracked, byRange.Counters.FlowsTracked);
    }

    /// <summary>Three seconds of mixed TCP, UDP and ICMP among 3,000 hosts, in time order.</summary>
    private static PacketRecord[] RandomTraffic(int seed, int count)
    {
        var random = new Random(seed);
        var packets = new PacketRecord[count];
        for (var i = 0; i < count; i++)
        {
            var src = NetAddress.FromIPv4(0x0A000000u + (uint)random.Next(3000));
            var dst = NetAddress.FromIPv4(0x0A000000u + (uint)random.Next(3000));
            var protocol = (random.Next(10)) switch { < 7 => IpProtocol.Tcp, < 9 => IpProtocol.Udp, _ => IpProtocol.Icmp };
            var flags = protocol == IpProtocol.Tcp ? (TcpFlags)random.Next(64) : TcpFlags.None;
            packets[i] = new PacketRecord(At(3.0 * i / count), src, dst, 40 + random.Next(1400), protocol,
                (ushort)random.Next(1024, 1100), (ushort)random.Next(20, 40), flags, PacketFlags.None, (byte)random.Next(16));
        }

        return packets;
    }
}
