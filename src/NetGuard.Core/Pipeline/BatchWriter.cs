using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using NetGuard.Core.Packets;

namespace NetGuard.Core.Pipeline;

/// <summary>
/// The capture side of the pipeline: counts every frame, appends decoded records to a pooled
/// batch and hands full batches to the channel. One instance per capture thread; not thread-safe.
/// </summary>
public sealed class BatchWriter
{
    private readonly ChannelWriter<PacketBatch> _channel;
    private readonly BatchPool _pool;
    private readonly BackpressureMode _mode;
    private PacketBatch _current;

    public BatchWriter(ChannelWriter<PacketBatch> channel, BatchPool pool, BackpressureMode mode, CaptureCounters counters)
    {
        _channel = channel;
        _pool = pool;
        _mode = mode;
        Counters = counters;
        _current = pool.Rent();
    }

    public CaptureCounters Counters { get; }

    /// <summary>Counts one frame and, when it decoded to an IP packet, queues its record.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(DecodeStatus status, in PacketRecord record, long timestampMicros, int frameLength)
    {
        var c = Counters;
        c._frames++;
        c._frameBytes += frameLength;
        if (timestampMicros < c._firstMicros)
        {
            c._firstMicros = timestampMicros;
        }

        if (timestampMicros > c._lastMicros)
        {
            c._lastMicros = timestampMicros;
        }

        switch (status)
        {
            case DecodeStatus.Ok:
                c._ipPackets++;
                var batch = _current;
                batch.Items[batch.Count++] = record;
                if (batch.Count == PacketBatch.Capacity)
                {
                    Publish();
                }

                break;
            case DecodeStatus.NotIp:
                c._notIp++;
                break;
            case DecodeStatus.Truncated:
                c._truncated++;
                break;
            case DecodeStatus.Malformed:
                c._malformed++;
                break;
            default:
                c._unsupportedLink++;
                break;
        }
    }

    /// <summary>Hands over a partly filled batch (end of file, read timeout on a quiet link).</summary>
    public void Flush()
    {
        if (_current.Count > 0)
        {
            Publish();
        }
    }

    private void Publish()
    {
        var batch = _current;
        Debug.Assert(batch.Count > 0, "an empty batch is never published");
        if (!_channel.TryWrite(batch) && !WaitOrDrop(batch))
        {
            return;
        }

        _current = _pool.Rent();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool WaitOrDrop(PacketBatch batch)
    {
        if (_mode == BackpressureMode.Drop)
        {
            Counters._pipelineDroppedPackets += batch.Count;
            Counters._pipelineDroppedBatches++;
            batch.Count = 0;
            return false;
        }

        while (true)
        {
            var canWrite = _channel.WaitToWriteAsync().AsTask().GetAwaiter().GetResult();
            if (!canWrite)
            {
                throw new ChannelClosedException("The packet channel was closed while a capture was still writing.");
            }

            if (_channel.TryWrite(batch))
            {
                return true;
            }
        }
    }
}
