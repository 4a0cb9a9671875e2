using BenchmarkDotNet.Attributes;
using NetGuard.Aggregation;
using NetGuard.Aggregation.Tables;
using NetGuard.Benchmarks.Generation;
using NetGuard.Core.Packets;

namespace NetGuard.Benchmarks.Benchmarks;

/// <summary>
/// The aggregator's tables one at a time, with the product's default sizes, over the same records as
/// <see cref="AggregatorBenchmarks"/>: where <see cref="TrafficAggregator.Add"/> spends its time.
/// Host and pair tables are reset at every second boundary, as the aggregator resets them.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
public class AggregatorTableBenchmarks
{
    private const int Records = 1 << 20;
    private readonly AggregationOptions _options = new();
    private PacketRecord[] _records = [];
    private int[] _sourceSlots = [];
    private int[] _destinationSlots = [];
    private bool[] _secondStarts = [];
    private FlowTable _flows = null!;
    private HostTable _hosts = null!;
    private PairTable _peers = null!;

    [GlobalSetup]
    public void Setup()
    {
        _records = FrameSet.Generate(Records + (Records / 64)).Decode()[..Records];
        _flows = new FlowTable(_options.MaxFlows, _options.FlowIdleTimeout, _options.FlowActiveTimeout);
        _hosts = new HostTable(_options.MaxHostsPerSecond);
        _peers = new PairTable(_options.MaxPairsPerSecond);

        // Host slots as the aggregator would have assigned them, for the pair table on its own.
        _sourceSlots = new int[Records];
        _destinationSlots = new int[Records];
        _secondStarts = new bool[Records];
        var hosts = new HostTable(_options.MaxHostsPerSecond);
        var second = long.MinValue;
        for (var i = 0; i < Records; i++)
        {
            var s = _records[i].TimestampMicros / 1_000_000;
            if (s != second)
            {
                hosts.Reset();
                second = s;
                _secondStarts[i] = true;
            }

            _sourceSlots[i] = hosts.GetOrAdd(_records[i].Source);
            _destinationSlots[i] = hosts.GetOrAdd(_records[i].Destination);
        }
    }

    /// <summary>Flow lookup or insert, LRU move-to-front and idle expiry: once per packet.</summary>
    [Benchmark(OperationsPerInvoke = Records)]
    public int FlowTableObserve()
    {
        var flows = _flows;
        var created = 0;
        foreach (ref readonly var record in _records.AsSpan())
        {
            created += flows.Observe(record) ? 1 : 0;
        }

        return created;
    }

    /// <summary>Source and destination host slots: twice per packet.</summary>
    [Benchmark(OperationsPerInvoke = Records)]
    public long HostTableGetOrAdd()
    {
        var hosts = _hosts;
        var starts = _secondStarts;
        var records = _records;
        long sum = 0;
        for (var i = 0; i < records.Length; i++)
        {
            if (starts[i])
            {
                hosts.Reset();
            }

            sum += hosts.GetOrAdd(records[i].Source) + hosts.GetOrAdd(records[i].Destination);
        }

        return sum;
    }

    /// <summary>The (source, destination) distinct-peer table: once per packet (the port tables only on new flows).</summary>
    [Benchmark(OperationsPerInvoke = Records)]
    public long PeerTableIncrement()
    {
        var peers = _peers;
        var starts = _secondStarts;
        var sources = _sourceSlots;
        var destinations = _destinationSlots;
        long sum = 0;
        for (var i = 0; i < sources.Length; i++)
        {
            if (starts[i])
            {
                peers.Reset();
            }

            sum += peers.Increment(sources[i], (uint)destinations[i], PairTable.Hash((uint)sources[i], (uint)destinations[i]));
        }

        return sum;
    }
}
