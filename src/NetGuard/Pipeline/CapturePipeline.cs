using System.Diagnostics;
using NetGuard.Aggregation;
using NetGuard.Core.Capture;
using NetGuard.Core.Pipeline;
using NetGuard.Core.Statistics;

namespace NetGuard.Pipeline;

/// <summary>
/// Wires capture sources (one thread each) through the bounded channel to the aggregation stage.
/// Live capture and replay run this same code; only the sources and the clock differ.
/// </summary>
internal sealed class CapturePipeline
{
    private static readonly TimeSpan TickInterval = TimeSpan.FromMilliseconds(250);
    private const int FileChannelBatches = 32;
    private readonly IReadOnlyList<IPacketSource> _sources;
    private readonly AggregationOptions _aggregation;
    private readonly int _channelBatches;
    private readonly TimeProvider _time;
    private readonly CaptureCounters[] _counters;

    public CapturePipeline(IReadOnlyList<IPacketSource> sources, AggregationOptions aggregation, int channelBatches, TimeProvider time)
    {
        _sources = sources;
        _aggregation = aggregation;
        _channelBatches = channelBatches;
        _time = time;
        _counters = [.. sources.Select(_ => new CaptureCounters())];
    }

    public IReadOnlyList<CaptureCounters> SourceCounters => _counters;

    public AggregationCounters? AggregationCounters { get; private set; }

    /// <summary>Runs until every source ends (files) or <paramref name="cancellationToken"/> fires (live), then drains the channel.</summary>
    public async Task<PipelineResult> RunAsync(ISecondSink sink, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var live = _sources.Any(s => s.Backpressure == BackpressureMode.Drop);

        // Live capture needs room for bursts; a file waits instead, and a short channel keeps the
        // batches in flight inside the cache the aggregator shares (1,024 batches are 14 MB).
        var capacity = live ? _channelBatches : Math.Min(_channelBatches, FileChannelBatches);
        var channel = PacketChannel.Create(capacity, singleWriter: _sources.Count == 1);
        var pool = new BatchPool(capacity + (2 * _sources.Count) + 2);
        // Detection and output run on a thread of their own, overlapping the next second's aggregation.
        using var handoff = new SecondHandoff(sink);
        var aggregator = new TrafficAggregator(_aggregation, handoff);
        AggregationCounters = aggregator.Counters;
        var stage = new AggregationStage(channel.Reader, pool, aggregator, _time);
        var faults = new Exception?[_sources.Count];

        using var ticks = live
            ? _time.CreateTimer(static state => ((System.Threading.Channels.ChannelWriter<PacketBatch>)state!).TryWrite(PacketBatch.Tick), channel.Writer, TickInterval, TickInterval)
            : null;

        var threads = new Thread[_sources.Count];
        var remaining = _sources.Count;
        for (var i = 0; i < _sources.Count; i++)
        {
            var index = i;
            threads[i] = new Thread(() =>
            {
                try
                {
                    var writer = new BatchWriter(channel.Writer, pool, _sources[index].Backpressure, _counters[index]);
                    _sources[index].Run(writer, cancellationToken);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                }
                catch (Exception e)
                {
                    faults[index] = e;
                }
                finally
                {
                    if (Interlocked.Decrement(ref remaining) == 0)
                    {
                        channel.Writer.TryComplete();
                    }
                }
            })
            {
                IsBackground = true,
                Name = $"capture {_sources[i].Name}",
            };
        }

        foreach (var thread in threads)
        {
            thread.Start();
        }

        // The stage drains whatever was captured, even after cancellation, so nothing counted is lost.
        await stage.RunAsync(CancellationToken.None).ConfigureAwait(false);
        foreach (var thread in threads)
        {
            thread.Join();
        }

        handoff.Complete();

        stopwatch.Stop();
        return new PipelineResult(
            stopwatch.Elapsed,
            [.. _sources.Select((s, i) => new SourceResult(s.Name, _counters[i], s.KernelStatistics, faults[i]))],
            aggregator.Counters);
    }
}
