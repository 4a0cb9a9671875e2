using System.Collections.Concurrent;

namespace NetGuard.Core.Pipeline;

/// <summary>
/// Recycles batches between the capture threads and the reader. The number of batches alive is
/// bounded by the channel's capacity plus those held by writers and the reader, so the pool
/// stops growing after warm-up and the steady state allocates nothing.
/// </summary>
public sealed class BatchPool
{
    private readonly ConcurrentQueue<PacketBatch> _free = new();

    public BatchPool(int preallocate)
    {
        for (var i = 0; i < preallocate; i++)
        {
            _free.Enqueue(new PacketBatch());
        }
    }

    public PacketBatch Rent() => _free.TryDequeue(out var batch) ? batch : new PacketBatch();

    public void Return(PacketBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (ReferenceEquals(batch, PacketBatch.Tick))
        {
            return;
        }

        batch.Count = 0;
        _free.Enqueue(batch);
    }
}
