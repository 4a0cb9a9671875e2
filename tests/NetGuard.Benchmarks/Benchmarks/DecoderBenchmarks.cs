using BenchmarkDotNet.Attributes;
using NetGuard.Benchmarks.Generation;
using NetGuard.Capture.Decoding;
using NetGuard.Core.Packets;

namespace NetGuard.Benchmarks.Benchmarks;

/// <summary>
/// The span decoder alone, per packet, over generated frames packed in memory. 4,096 frames (~2.8 MB)
/// stay in cache: the pure CPU cost. 262,144 frames (~178 MB) stream from memory.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
public class DecoderBenchmarks
{
    private const int Operations = 1 << 18;
    private FrameSet _frames = null!;
    private int _mask;

    [Params(4_096, 262_144)]
    public int Frames { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _frames = FrameSet.Generate(Frames);
        _mask = Frames - 1;
    }

    [Benchmark(OperationsPerInvoke = Operations)]
    public long Decode()
    {
        var data = _frames.Data;
        var offsets = _frames.Offsets;
        var lengths = _frames.Lengths;
        var timestamps = _frames.Timestamps;
        var mask = _mask;
        long sum = 0;
        for (var i = 0; i < Operations; i++)
        {
            var j = i & mask;
            var status = PacketDecoder.Decode(LinkType.Ethernet, data.AsSpan(offsets[j], lengths[j]), timestamps[j], out var record);
            sum += (int)status + record.IpLength + record.SourcePort + (long)record.Source.Low;
        }

        return sum;
    }
}
