using NetGuard.Capture.Files;
using NetGuard.Core.Packets;
using NetGuard.Core.Pipeline;

namespace NetGuard.Capture.Tests.Support;

/// <summary>
/// Runs a <see cref="FileCaptureSource"/> on its own thread into a real bounded channel through a
/// <see cref="BatchWriter"/>, while the test drains the channel the way aggregation does.
/// </summary>
internal sealed class PipelineHarness
{
    public CaptureCounters Counters { get; } = new();

    public List<PacketRecord> Records { get; } = [];

    public int Batches { get; private set; }

    /// <summary>Returns the exception <see cref="FileCaptureSource.Run"/> threw, or null.</summary>
    public async Task<Exception?> RunAsync(FileCaptureSource source, int channelCapacity, CancellationToken runToken, CancellationToken testToken)
    {
        var channel = PacketChannel.Create(channelCapacity, singleWriter: true);
        var pool = new BatchPool(2);
        var writer = new BatchWriter(channel.Writer, pool, source.Backpressure, Counters);
        var run = Task.Run(
            () =>
            {
                try
                {
                    source.Run(writer, runToken);
                }
                finally
                {
                    channel.Writer.Complete();
                }
            },
            testToken);

        while (await channel.Reader.WaitToReadAsync(testToken))
        {
            while (channel.Reader.TryRead(out var batch))
            {
                Batches++;
                Records.AddRange(batch.Records);
                pool.Return(batch);
            }
        }

        try
        {
            await run;
            return null;
        }
        catch (Exception e) when (e is CaptureFileException or OperationCanceledException)
        {
            return e;
        }
    }
}
