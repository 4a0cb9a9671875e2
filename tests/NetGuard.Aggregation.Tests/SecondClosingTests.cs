using NetGuard.Core.Packets;
using static NetGuard.Aggregation.Tests.Packets;

namespace NetGuard.Aggregation.Tests;

public class SecondClosingTests
{
    [Fact]
    public void Add_LaterSecond_ClosesTheOpenOneAndCompleteClosesTheLast()
    {
        var sink = new RecordingSink();
        var agg = Aggregator(sink);
        agg.Add(Udp(0.1, "10.0.0.1", 1, "10.0.0.2", 2));
        agg.Add(Udp(0.9, "10.0.0.1", 1, "10.0.0.2", 2));
        Assert.Empty(sink.Seconds);
        agg.Add(Udp(1.0, "10.0.0.1", 1, "10.0.0.2", 2));
        Assert.Single(sink.Seconds);
        agg.Add(Udp(5.5, "10.0.0.1", 1, "10.0.0.2", 2));
        agg.Complete();

        Assert.Equal([Second(0), Second(1), Second(5)], sink.Seconds.Select(s => s.Second));
        Assert.Equal([2L, 1L, 1L], sink.Seconds.Select(s => s.Packets));
        Assert.Equal(4, agg.Counters.Packets);
        Assert.Equal(3, agg.Counters.SecondsClosed);
    }

    [Fact]
    public void Add_SlightlyOutOfOrder_FoldedIntoOpenSecondAndCounted()
    {
        var sink = new RecordingSink();
        var agg = Aggregator(sink);
        agg.Add(Udp(3.2, "10.0.0.1", 1, "10.0.0.2", 2));
        agg.Add(Udp(2.9, "10.0.0.1", 1, "10.0.0.2", 2));
        agg.Add(Udp(1.5, "10.0.0.1", 1, "10.0.0.2", 2));
        agg.Complete();

        var second = sink.Single();
        Assert.Equal(Second(3), second.Second);
        Assert.Equal(3, second.Packets);
        Assert.Equal(2, agg.Counters.Reordered);
        Assert.Equal(0, agg.Counters.TimeJumpsBack);
    }

    [Fact]
    public void Add_LargeBackwardJump_RestartsTimeAndCountsIt()
    {
        var sink = new RecordingSink();
        var agg = Aggregator(sink);
        agg.Add(Udp(100.0, "10.0.0.1", 1, "10.0.0.2", 2));
        agg.Add(Udp(55.4, "10.0.0.1", 1, "10.0.0.2", 2));
        agg.Add(Udp(56.0, "10.0.0.1", 1, "10.0.0.2", 2));
        agg.Complete();

        Assert.Equal([Second(100), Second(55), Second(56)], sink.Seconds.Select(s => s.Second));
        Assert.Equal(1, agg.Counters.TimeJumpsBack);
    }

    [Fact]
    public void AdvanceWatermark_BeforeGrace_KeepsSecondOpen_AfterGrace_ClosesIt()
    {
        var sink = new RecordingSink();
        var agg = Aggregator(sink, o => o.IdleGrace = TimeSpan.FromMilliseconds(500));
        agg.Add(Udp(7.2, "10.0.0.1", 1, "10.0.0.2", 2));
        agg.AdvanceWatermark(At(8.4));
        Assert.Empty(sink.Seconds);
        agg.AdvanceWatermark(At(8.5));
        Assert.Equal(Second(7), sink.Single().Second);

        // A straggler for the closed second is counted in the next one, never reported twice.
        agg.Add(Udp(7.9, "10.0.0.1", 1, "10.0.0.2", 2));
        agg.Complete();
        Assert.Equal([Second(7), Second(8)], sink.Seconds.Select(s => s.Second));
        Assert.Equal(1, agg.Counters.Reordered);
    }

    [Fact]
    public void AdvanceWatermark_NothingOpen_DoesNothing()
    {
        var sink = new RecordingSink();
        var agg = Aggregator(sink);
        agg.AdvanceWatermark(At(1000));
        agg.Complete();
        Assert.Empty(sink.Seconds);
    }

    [Fact]
    public void Close_ResetsHostsBetweenSeconds()
    {
        var sink = new RecordingSink();
        var agg = Aggregator(sink);
        agg.Add(Tcp(0.5, "10.0.0.1", 1000, "10.0.0.2", 22, TcpFlags.Syn));
        agg.Add(Tcp(1.5, "10.0.0.3", 1000, "10.0.0.4", 22, TcpFlags.Syn));
        agg.Complete();

        Assert.Equal(2, sink.Seconds[1].Hosts.Length);
        Assert.DoesNotContain(sink.Seconds[1].Hosts, h => h.Host == Ip("10.0.0.1"));
        Assert.Equal(1, sink.Seconds[1].Host("10.0.0.3").Out.DistinctPorts);
    }
}
