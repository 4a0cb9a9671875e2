using System.Threading.Channels;
using NetGuard.Core.Pipeline;

namespace NetGuard.Benchmarks.Stages;

/// <summary>A channel writer that hands every batch straight back to the pool: the producer's cost without a consumer.</summary>
internal sealed class RecyclingChannelWriter(BatchPool pool) : ChannelWriter<PacketBatch>
{
    public long Batches { get; private set; }

    public override bool TryWrite(PacketBatch item)
    {
        Batches++;
        pool.Return(item);
        return true;
    }

    public override ValueTask<bool> WaitToWriteAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(true);
}
