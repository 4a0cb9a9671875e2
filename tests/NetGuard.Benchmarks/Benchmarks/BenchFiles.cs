using NetGuard.Benchmarks.Generation;
using NetGuard.Testing.Files;

namespace NetGuard.Benchmarks.Benchmarks;

/// <summary>Capture files for the benchmarks that read from disk: generated in /tmp, deleted after.</summary>
internal static class BenchFiles
{
    /// <summary>Packets in each benchmark file (~360 MB); every benchmark reading it uses this as OperationsPerInvoke.</summary>
    public const int Packets = 1 << 19;

    /// <summary>Writes a fresh file unique to this process and warms the page cache by reading it once.</summary>
    public static string Create(int packets = Packets, int seed = 1)
    {
        var path = Path.Combine(Path.GetTempPath(), $"netguard-bench-{Environment.ProcessId}-{packets}.pcap");
        var generator = new TrafficGenerator(new TrafficMix(), seed);
        using (var writer = PcapWriter.Create(path))
        {
            for (var i = 0; i < packets; i++)
            {
                var frame = generator.Next(out var timestamp);
                writer.Write(timestamp, frame);
            }
        }

        using (var stream = File.OpenRead(path))
        {
            stream.CopyTo(Stream.Null);
        }

        return path;
    }

    public static void Delete(string? path)
    {
        if (path is not null && File.Exists(path))
        {
            File.Delete(path);
        }
    }
}
