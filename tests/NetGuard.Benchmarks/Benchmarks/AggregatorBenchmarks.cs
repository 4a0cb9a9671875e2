using BenchmarkDotNet.Attributes;
using NetGuard.Aggregation;
using NetGuard.Benchmarks.Generation;
using NetGuard.Benchmarks.Pipeline;
using NetGuard.Core.Packets;

namespace NetGuard.Benchmarks.Benchmarks;

/// <summary>
/// <see cref="TrafficAggregator.Add"/> over pre-decoded records (about 4 s of packet time at
/// 250 kpps, ~50k flows), with the product's default table sizes and a sink that only counts.
/// Each invocation replays the same records, so time jumps back once per invocation and the flow
/// table is warm: the steady state of a long capture.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
public class AggregatorBenchmarks
{
    private const int Records = 1 << 20;
    private PacketRecord[] _records = [];
    private TrafficAggregator _aggregator = null!;

    [GlobalSetup]
    public void Setup()
    {
        _records = FrameSet.Generate(Records + (Records / 64)).Decode()[..Records];
        _aggregator = new TrafficAggregator(new AggregationOptions(), new CountingSecondSink());
    }

    [Benchmark(OperationsPerInvoke = Records)]
    public long Add()
    {
        var aggregator = _aggregator;
        foreach (ref readonly var record in _records.AsSpan())
        {
            aggregator.Add(record);
        }

        return aggregator.Counters.Packets;
    }
}
