using System.Diagnostics;
using System.Globalization;
using NetGuard.Testing.Files;

namespace NetGuard.Benchmarks.Generation;

/// <summary><c>generate FILE --packets N [--seed S] [--pps R]</c>: writes a classic pcap of the synthetic mix.</summary>
internal static class GenerateCommand
{
    public static int Run(IReadOnlyList<string> args)
    {
        string? path = null;
        long packets = 1_000_000;
        var seed = 1;
        var mix = new TrafficMix();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--packets" when i + 1 < args.Count:
                    packets = long.Parse(args[++i], NumberStyles.Integer, CultureInfo.InvariantCulture);
                    break;
                case "--seed" when i + 1 < args.Count:
                    seed = int.Parse(args[++i], NumberStyles.Integer, CultureInfo.InvariantCulture);
                    break;
                case "--pps" when i + 1 < args.Count:
                    mix = mix with { PacketsPerSecond = double.Parse(args[++i], CultureInfo.InvariantCulture) };
                    break;
                case var a when a.StartsWith('-'):
                    return Usage($"unknown option {a}");
                default:
                    if (path is not null)
                    {
                        return Usage("only one FILE");
                    }

                    path = args[i];
                    break;
            }
        }

        if (path is null || packets <= 0)
        {
            return Usage("FILE and a positive --packets are required");
        }

        var stopwatch = Stopwatch.StartNew();
        var generator = new TrafficGenerator(mix, seed);
        using (var writer = PcapWriter.Create(path))
        {
            for (long n = 0; n < packets; n++)
            {
                var frame = generator.Next(out var timestamp);
                writer.Write(timestamp, frame);
            }
        }

        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generate: {path}: {generator.Stats} in {stopwatch.Elapsed.TotalSeconds:F1} s"));
        return 0;
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine($"generate: {message}");
        Console.Error.WriteLine("usage: generate FILE --packets N [--seed S] [--pps R]");
        return 2;
    }
}
