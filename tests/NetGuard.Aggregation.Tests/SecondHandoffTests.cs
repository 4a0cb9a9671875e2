using NetGuard.Core.Packets;
using NetGuard.Core.Statistics;

namespace NetGuard.Aggregation.Tests;

/// <summary>The handoff moves seconds to another thread: every second arrives once, in order, intact.</summary>
public class SecondHandoffTests
{
    [Fact]
    public void OnSecond_ManySeconds_ArriveInOrderWithTheirHostsOnAnotherThread()
    {
        var sink = new SlowRecordingSink();
        using (var handoff = new SecondHandoff(sink))
        {
            for (var second = 0; second < 50; second++)
            {
                handoff.OnSecond(Snapshot(second, hosts: 10 + second));
            }

            handoff.Complete();
            Assert.Equal(50, handoff.Handed);
        }

        Assert.Equal(Enumerable.Range(0, 50).Select(s => (long)s), sink.Seconds.Select(s => s.Second));
        Assert.All(sink.Seconds, s => Assert.Equal(Hosts((int)s.Second, 10 + (int)s.Second), s.Hosts));
        Assert.DoesNotContain(Environment.CurrentManagedThreadId, sink.Threads);
    }

    [Fact]
    public void OnSecond_SecondTooLargeToCopy_WaitsForEarlierSecondsAndRunsInline()
    {
        var sink = new SlowRecordingSink();
        using var handoff = new SecondHandoff(sink);
        handoff.OnSecond(Snapshot(1, hosts: 5));
        handoff.OnSecond(Snapshot(2, hosts: SecondHandoff.MaxCopiedHosts + 1));
        handoff.OnSecond(Snapshot(3, hosts: 5));
        handoff.Complete();

        Assert.Equal([1L, 2L, 3L], sink.Seconds.Select(s => s.Second));
        Assert.Equal(SecondHandoff.MaxCopiedHosts + 1, sink.Seconds[1].Hosts.Length);
        Assert.Equal(1, handoff.Inline);
        Assert.Equal(2, handoff.Handed);
    }

    [Fact]
    public void Complete_SinkThrew_RethrowsOnTheAggregationThread()
    {
        var sink = new ThrowingSink();
        using var handoff = new SecondHandoff(sink);
        handoff.OnSecond(Snapshot(1, hosts: 1));

        var error = Assert.Throws<InvalidOperationException>(handoff.Complete);
        Assert.Equal("sink failed on second 1", error.Message);
    }

    private static SecondSnapshot Snapshot(long second, int hosts)
    {
        var snapshot = new SecondSnapshot();
        var array = Hosts((int)second, hosts);
        snapshot.Set(second, array, array.Length, packets: hosts * 2, bytes: hosts * 100, untrackedHostPackets: 0, untrackedPairs: 0);
        return snapshot;
    }

    private static HostSecond[] Hosts(int second, int count) =>
        [.. Enumerable.Range(0, count).Select(i => new HostSecond { Host = NetAddress.FromIPv4((uint)i), In = new DirectionCounters { Packets = second + i } })];

    private sealed class SlowRecordingSink : ISecondSink
    {
        public List<(long Second, HostSecond[] Hosts)> Seconds { get; } = [];

        public HashSet<int> Threads { get; } = [];

        public void OnSecond(SecondSnapshot snapshot)
        {
            Thread.Sleep(2);
            Seconds.Add((snapshot.Second, snapshot.Hosts.ToArray()));
            Threads.Add(Environment.CurrentManagedThreadId);
        }
    }

    private sealed class ThrowingSink : ISecondSink
    {
        public void OnSecond(SecondSnapshot snapshot) => throw new InvalidOperationException($"sink failed on second {snapshot.Second}");
    }
}
