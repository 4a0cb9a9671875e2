using System.Diagnostics;
using System.Globalization;
using Microsoft.Win32.SafeHandles;
using NetGuard.Aggregation;
using NetGuard.Benchmarks.Pipeline;
using NetGuard.Capture.Decoding;
using NetGuard.Capture.Files;
using NetGuard.Core.Packets;
using NetGuard.Core.Pipeline;
using NetGuard.Core.Statistics;
using NetGuard.Detection;

namespace NetGuard.Benchmarks.Stages;

/// <summary>
/// <c>stages FILE [--runs N] [--only TEXT]</c>: times each stage of replay over a real file, in-process, so that the
/// difference between consecutive lines is what a stage costs (<c>--clock cpu</c>: CPU time, for
/// comparing single-threaded stages on a busy machine). Each stage runs once cold (what a
/// replay process pays, JIT included) and then N times; the median of those is the warm cost.
/// </summary>
internal static class StagesCommand
{
    private const int MaxAttempts = 4;

    // --clock cpu: this process's CPU time instead of wall time. On a machine shared with other work it
    // still compares single-threaded stages (their time slices are not counted); it is meaningless for
    // the two-thread pipeline stages, whose threads' times add up.
    private static bool s_cpuClock;

    public static int Run(IReadOnlyList<string> args)
    {
        if (args.Count < 1 || args[0].StartsWith('-') || !File.Exists(args[0]))
        {
            if (args.Count >= 1 && !args[0].StartsWith('-'))
            {
                Console.Error.WriteLine($"stages: no such file: {args[0]}");
            }

            Console.Error.WriteLine("usage: stages FILE [--runs N] [--only TEXT] [--clock wall|cpu]");
            return 2;
        }

        var path = args[0];
        var runs = 3;
        string? only = null;
        for (var i = 1; i + 1 < args.Count; i += 2)
        {
            switch (args[i])
            {
                case "--runs":
                    runs = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
                    break;
                case "--only":
                    only = args[i + 1];
                    break;
                case "--clock":
                    s_cpuClock = args[i + 1] switch
                    {
                        "cpu" => true,
                        "wall" => false,
                        _ => throw new ArgumentException("--clock is wall or cpu"),
                    };
                    break;
                default:
                    Console.Error.WriteLine($"stages: unknown option {args[i]}");
                    return 2;
            }
        }

        PacketRecord[]? records = null;
        Stage[] stages =
        [
            new("pread into a 256 KiB buffer, no parsing", RawRead),
            new("reader: TryReadNext", ReaderOnly),
            new("reader + decode", ReaderDecode),
            new("reader + decode + BatchWriter (no channel)", ReaderDecodeBatch),
            new("pipeline, channel drained (2 threads, 32 batches)", p => RunPipeline(p, aggregate: false)),
            new("pipeline + aggregation, counting sink", p => RunPipeline(p, aggregate: true)),
            new("pipeline + aggregation + detection (= replay, no process start)", p => RunPipeline(p, aggregate: true, detect: true)),
            new("1 thread: reader + decode + aggregate, no channel", SingleThread),
            new("aggregate pre-decoded records only", _ => AggregateOnly(records ??= LoadRecords(path), detect: false)),
            new("aggregate pre-decoded records + detection", _ => AggregateOnly(records ??= LoadRecords(path), detect: true)),
            new("experiment: reader + decode, 4 MiB read buffer", p => ReaderDecode(p, 4 << 20)),
            new("experiment: pipeline + aggregation, 4 MiB read buffer", p => RunPipeline(p, aggregate: true, readBuffer: 4 << 20)),
            new("experiment: pipeline + aggregation, channel of 1,024 batches", p => RunPipeline(p, aggregate: true, channelBatches: PacketChannel.DefaultCapacity)),
            new("experiment: pipeline + aggregation, 4 MiB buffer, 1,024 batches", p => RunPipeline(p, aggregate: true, channelBatches: PacketChannel.DefaultCapacity, readBuffer: 4 << 20)),
        ];

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"stage",-64} {"cold ns/pkt",11} {"warm ns/pkt",11} {"warm Mpps",9} {"B/pkt",7}"));
        foreach (var stage in stages)
        {
            if (only is not null && !stage.Name.Contains(only, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (stage.Name.Contains("pre-decoded", StringComparison.Ordinal))
            {
                records ??= LoadRecords(path);
            }

            // The cold run is not repeated: a second try would no longer be cold.
            var cold = MeasureClean(stage, path, 1, out var coldNoisy, out _);
            var times = new List<double>();
            double allocated = 0;
            var noisy = coldNoisy;
            for (var i = 0; i < runs; i++)
            {
                times.Add(MeasureClean(stage, path, MaxAttempts, out var runNoisy, out allocated));
                noisy |= runNoisy;
            }

            times.Sort();
            var median = times[times.Count / 2];
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{stage.Name,-64} {cold,11:F1} {median,11:F1} {1e3 / median,9:F2} {allocated,7:F2}{(noisy ? "  (other processes busy)" : "")}"));
        }

        return 0;
    }

    /// <summary>Measures a stage, again (up to <paramref name="attempts"/> times) while other processes took more than 5% of a CPU.</summary>
    private static double MeasureClean(Stage stage, string path, int attempts, out bool noisy, out double bytesPerPacket)
    {
        var best = double.MaxValue;
        bytesPerPacket = 0;
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var meter = CpuMeter.Start();
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var stopwatch = Stopwatch.StartNew();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var packets = stage.Run(path);
            var elapsed = s_cpuClock ? Process.GetCurrentProcess().TotalProcessorTime - cpuBefore : stopwatch.Elapsed;
            bytesPerPacket = (double)(GC.GetTotalAllocatedBytes(precise: true) - before) / packets;
            var ns = elapsed.TotalNanoseconds / packets;
            if (s_cpuClock || meter.ForeignSeconds() <= 0.05 * elapsed.TotalSeconds + 0.02)
            {
                noisy = false;
                return ns;
            }

            best = Math.Min(best, ns);
        }

        noisy = true;
        return best;
    }

    private static long RawRead(string path)
    {
        using SafeFileHandle handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
        var buffer = new byte[256 << 10];
        long offset = 0;
        int read;
        while ((read = RandomAccess.Read(handle, buffer, offset)) > 0)
        {
            offset += read;
        }

        // Scaled to packets so that the line compares with the others: file bytes / 696 (16-byte header + average frame).
        return Math.Max(1, offset / 696);
    }

    private static long ReaderOnly(string path)
    {
        using var reader = CaptureFileReader.Open(path);
        long bytes = 0;
        while (reader.TryReadNext(out var frame))
        {
            bytes += frame.Data.Length;
        }

        GC.KeepAlive(bytes);
        return reader.FramesRead;
    }

    private static long ReaderDecode(string path) => ReaderDecode(path, null);

    private static long ReaderDecode(string path, int? readBuffer)
    {
        using var reader = readBuffer is { } size ? Experiments.OpenPcap(path, size) : CaptureFileReader.Open(path);
        long sum = 0;
        while (reader.TryReadNext(out var frame))
        {
            var status = PacketDecoder.Decode(frame.LinkType, frame.Data, frame.TimestampMicros, out var record);
            sum += (int)status + record.IpLength;
        }

        GC.KeepAlive(sum);
        return reader.FramesRead;
    }

    private static long ReaderDecodeBatch(string path)
    {
        using var source = FileCaptureSource.Open(path);
        var pool = new BatchPool(4);
        var counters = new CaptureCounters();
        source.Run(new BatchWriter(new RecyclingChannelWriter(pool), pool, BackpressureMode.Wait, counters), CancellationToken.None);
        return counters.Frames;
    }

    private static long RunPipeline(string path, bool aggregate, int channelBatches = ReplayPipeline.FileChannelBatches, int? readBuffer = null, bool detect = false)
    {
        var sink = detect ? new DetectionEngine(new DetectionOptions(), new CountingAnomalySink()) : null;
        using var pipeline = new ReplayPipeline(path, aggregate, channelBatches, readBuffer, sink);
        return pipeline.Run();
    }

    private static long SingleThread(string path)
    {
        using var reader = CaptureFileReader.Open(path);
        var aggregator = new TrafficAggregator(new AggregationOptions(), new CountingSecondSink());
        while (reader.TryReadNext(out var frame))
        {
            if (PacketDecoder.Decode(frame.LinkType, frame.Data, frame.TimestampMicros, out var record) == DecodeStatus.Ok)
            {
                aggregator.Add(record);
            }
        }

        aggregator.Complete();
        return reader.FramesRead;
    }

    private static PacketRecord[] LoadRecords(string path)
    {
        using var reader = CaptureFileReader.Open(path);
        var records = new List<PacketRecord>();
        while (reader.TryReadNext(out var frame))
        {
            if (PacketDecoder.Decode(frame.LinkType, frame.Data, frame.TimestampMicros, out var record) == DecodeStatus.Ok)
            {
                records.Add(record);
            }
        }

        return [.. records];
    }

    private static long AggregateOnly(PacketRecord[] records, bool detect)
    {
        ISecondSink sink = detect ? new DetectionEngine(new DetectionOptions(), new CountingAnomalySink()) : new CountingSecondSink();
        var aggregator = new TrafficAggregator(new AggregationOptions(), sink);
        var span = records.AsSpan();
        for (var start = 0; start < span.Length; start += PacketBatch.Capacity)
        {
            // In batches, as the aggregation stage takes them.
            aggregator.AddRange(span.Slice(start, Math.Min(PacketBatch.Capacity, span.Length - start)));
        }

        aggregator.Complete();
        return records.Length;
    }
}
