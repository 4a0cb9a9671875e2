using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using NetGuard.Capture.Decoding;
using NetGuard.Capture.Files;
using NetGuard.Core.Pipeline;

namespace NetGuard.Benchmarks.Benchmarks;

/// <summary>
/// The file side of replay on one thread, over a generated pcap in /tmp (in the page cache):
/// reading frames, reading and decoding, and the whole producer (read, decode, batch, channel write).
/// Opening the file (a 4 MiB buffer) and the batch pool are iteration setup, outside the measurement.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(BenchConfig))]
public class FileReaderBenchmarks
{
    private const int ChannelBatches = (BenchFiles.Packets / PacketBatch.Capacity) + 16;
    private string? _path;
    private CaptureFileReader? _reader;
    private FileCaptureSource? _source;
    private Channel<PacketBatch>? _channel;
    private BatchPool? _pool;

    [GlobalSetup]
    public void Setup() => _path = BenchFiles.Create();

    [GlobalCleanup]
    public void Cleanup() => BenchFiles.Delete(_path);

    [IterationSetup(Targets = [nameof(Read), nameof(ReadDecode)])]
    public void OpenReader() => _reader = CaptureFileReader.Open(_path!);

    [IterationCleanup(Targets = [nameof(Read), nameof(ReadDecode)])]
    public void CloseReader() => _reader?.Dispose();

    [IterationSetup(Target = nameof(ReadDecodeBatch))]
    public void OpenSource()
    {
        _source = FileCaptureSource.Open(_path!);

        // Room for the whole file: the producer never waits, so only its own cost is measured.
        _channel = PacketChannel.Create(ChannelBatches, singleWriter: true);
        _pool = new BatchPool(ChannelBatches + 2);
    }

    [IterationCleanup(Target = nameof(ReadDecodeBatch))]
    public void CloseSource()
    {
        _source?.Dispose();
        while (_channel!.Reader.TryRead(out var batch))
        {
            _pool!.Return(batch);
        }
    }

    [Benchmark(OperationsPerInvoke = BenchFiles.Packets)]
    public long Read()
    {
        var reader = _reader!;
        long bytes = 0;
        while (reader.TryReadNext(out var frame))
        {
            bytes += frame.Data.Length;
        }

        return bytes;
    }

    [Benchmark(OperationsPerInvoke = BenchFiles.Packets)]
    public long ReadDecode()
    {
        var reader = _reader!;
        long sum = 0;
        while (reader.TryReadNext(out var frame))
        {
            var status = PacketDecoder.Decode(frame.LinkType, frame.Data, frame.TimestampMicros, out var record);
            sum += (int)status + record.IpLength + record.SourcePort;
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = BenchFiles.Packets)]
    public long ReadDecodeBatch()
    {
        var counters = new CaptureCounters();
        _source!.Run(new BatchWriter(_channel!.Writer, _pool!, BackpressureMode.Wait, counters), CancellationToken.None);
        return counters.IpPackets;
    }
}
