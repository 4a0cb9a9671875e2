using System.Threading.Channels;
using NetGuard.Aggregation;
using NetGuard.Capture.Files;
using NetGuard.Core.Pipeline;
using NetGuard.Core.Statistics;

namespace NetGuard.Benchmarks.Pipeline;

/// <summary>
/// The replay pipeline for one file, wired as src/NetGuard/Pipeline/CapturePipeline.cs wires it
/// (that class lives in the executable): a capture thread reads, decodes and batches; the caller's
/// thread (and the pool, after an await) drains the bounded channel into the aggregator. Built
/// before <see cref="Run"/> so that a benchmark can keep construction out of its measurement.
/// </summary>
internal sealed class ReplayPipeline : IDisposable
{
    /// <summary>The channel capacity CapturePipeline uses for files (FileChannelBatches there).</summary>
    public const int FileChannelBatches = 32;

    private readonly FileCaptureSource _source;
    private readonly Channel<PacketBatch> _channel;
    private readonly BatchPool _pool;
    private readonly TrafficAggregator? _aggregator;
    private bool _ran;

    /// <param name="path">A pcap or pcapng file.</param>
    /// <param name="aggregate">False drains batches without aggregating: the cost of read, decode and channel alone.</param>
    /// <param name="channelBatches">Channel capacity in batches; replay of a file uses <see cref="FileChannelBatches"/>.</param>
    /// <param name="readBufferBytes">Experiment: a read buffer of this size instead of FileInput's (pcap only).</param>
    /// <param name="sink">Where closed seconds go; by default a sink that only counts (replay uses the detection engine).</param>
    public ReplayPipeline(string path, bool aggregate, int channelBatches = FileChannelBatches, int? readBufferBytes = null, ISecondSink? sink = null)
    {
        _source = readBufferBytes is { } size ? Experiments.OpenSource(path, size) : FileCaptureSource.Open(path);
        _channel = PacketChannel.Create(channelBatches, singleWriter: true);
        _pool = new BatchPool(channelBatches + 4);
        _aggregator = aggregate ? new TrafficAggregator(new AggregationOptions(), sink ?? new CountingSecondSink()) : null;
    }

    public CaptureCounters Counters { get; } = new();

    public AggregationCounters? AggregationCounters => _aggregator?.Counters;

    /// <summary>Runs the file through once; returns the frames read.</summary>
    public long Run()
    {
        if (_ran)
        {
            throw new InvalidOperationException("A pipeline runs once; build another.");
        }

        _ran = true;
        Exception? fault = null;
        var capture = new Thread(() =>
        {
            try
            {
                _source.Run(new BatchWriter(_channel.Writer, _pool, _source.Backpressure, Counters), CancellationToken.None);
            }
            catch (Exception e) when (e is CaptureFileException or ChannelClosedException)
            {
                fault = e;
            }
            finally
            {
                _channel.Writer.TryComplete();
            }
        })
        {
            IsBackground = true,
            Name = "capture " + _source.Name,
        };

        capture.Start();
        if (_aggregator is not null)
        {
            new AggregationStage(_channel.Reader, _pool, _aggregator, TimeProvider.System).RunAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
        else
        {
            DrainAsync().GetAwaiter().GetResult();
        }

        capture.Join();
        if (fault is not null)
        {
            throw new InvalidOperationException("replay failed: " + fault.Message, fault);
        }

        return Counters.Frames;
    }

    private async Task DrainAsync()
    {
        var reader = _channel.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var batch))
            {
                _pool.Return(batch);
            }
        }
    }

    public void Dispose() => _source.Dispose();
}
