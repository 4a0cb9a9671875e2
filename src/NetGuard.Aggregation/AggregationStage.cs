using System.Threading.Channels;
using NetGuard.Core.Pipeline;

namespace NetGuard.Aggregation;

/// <summary>
/// The reader end of the packet channel: drains batches into the aggregator, returns them to the
/// pool, and turns tick sentinels into idle watermarks from the injected clock.
/// </summary>
public sealed class AggregationStage(ChannelReader<PacketBatch> reader, BatchPool pool, TrafficAggregator aggregator, TimeProvider time)
{
    /// <summary>Runs until the channel completes, then closes the open second.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (reader.TryRead(out var batch))
            {
                Consume(batch);
            }
        }

        aggregator.Complete();
    }

    private void Consume(PacketBatch batch)
    {
        if (ReferenceEquals(batch, PacketBatch.Tick))
        {
            aggregator.AdvanceWatermark(time.GetUtcNow().ToUnixTimeMilliseconds() * 1000);
            return;
        }

        try
        {
            aggregator.AddRange(batch.Records);
        }
        finally
        {
            pool.Return(batch);
        }
    }
}
