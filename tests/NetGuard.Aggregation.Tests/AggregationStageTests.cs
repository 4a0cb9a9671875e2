using Microsoft.Extensions.Time.Testing;
using NetGuard.Core.Pipeline;
using static NetGuard.Aggregation.Tests.Packets;

namespace NetGuard.Aggregation.Tests;

public class AggregationStageTests
{
    [Fact]
    public async Task RunAsync_TickAfterIdleGrace_ClosesSecondWithoutNewPackets()
    {
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(At(0.0) / 1000));
        var sink = new RecordingSink();
        var agg = Aggregator(sink);
        var channel = PacketChannel.Create(8, singleWriter: true);
        var pool = new BatchPool(4);
        var stage = new AggregationStage(channel.Reader, pool, agg, time);
        var run = stage.RunAsync(TestContext.Current.CancellationToken);

        var batch = pool.Rent();
        batch.Items[0] = Udp(0.2, "10.0.0.1", 1, "10.0.0.2", 2);
        batch.Count = 1;
        Assert.True(channel.Writer.TryWrite(batch));

        time.Advance(TimeSpan.FromMilliseconds(1200));
        Assert.True(channel.Writer.TryWrite(PacketBatch.Tick));
        await WaitUntil(() => sink.Seconds.Count == 0 && agg.Counters.Packets == 1);
        Assert.Empty(sink.Seconds);

        time.Advance(TimeSpan.FromMilliseconds(400));
        Assert.True(channel.Writer.TryWrite(PacketBatch.Tick));
        await WaitUntil(() => sink.Seconds.Count == 1);

        channel.Writer.Complete();
        await run;
        Assert.Equal(Second(0), sink.Single().Second);
    }

    [Fact]
    public async Task RunAsync_ChannelCompletes_DrainsEverythingAndReturnsBatches()
    {
        var sink = new RecordingSink();
        var agg = Aggregator(sink);
        var channel = PacketChannel.Create(64, singleWriter: true);
        var pool = new BatchPool(0);
        var counters = new CaptureCounters();
        var writer = new BatchWriter(channel.Writer, pool, BackpressureMode.Wait, counters);
        for (var i = 0; i < 10_000; i++)
        {
            var record = Udp(i / 1000.0, "10.0.0.1", 1, "10.0.0.2", 2);
            writer.Add(Core.Packets.DecodeStatus.Ok, record, record.TimestampMicros, 100);
            if (channel.Reader.Count > 32)
            {
                break;
            }
        }

        writer.Flush();
        channel.Writer.Complete();
        await new AggregationStage(channel.Reader, pool, agg, TimeProvider.System).RunAsync(TestContext.Current.CancellationToken);
        Assert.Equal(counters.IpPackets, agg.Counters.Packets);
        Assert.Equal(counters.IpPackets, sink.Seconds.Sum(s => s.Packets));
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        Assert.True(condition());
    }
}
