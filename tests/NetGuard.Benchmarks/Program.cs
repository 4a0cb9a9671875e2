using BenchmarkDotNet.Running;
using NetGuard.Benchmarks.Generation;
using NetGuard.Benchmarks.Stages;

namespace NetGuard.Benchmarks;

/// <summary>
/// <c>generate FILE --packets N</c> writes a synthetic capture; <c>bench [BenchmarkDotNet args]</c> runs
/// the micro-benchmarks; <c>stages FILE</c> times each stage of replay on a real file.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        var rest = args.Skip(1).ToArray();
        switch (args.FirstOrDefault())
        {
            case "generate":
                return GenerateCommand.Run(rest);
            case "bench":
                var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(rest);
                return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
            case "stages":
                return StagesCommand.Run(rest);
            default:
                Console.Error.WriteLine("usage: NetGuard.Benchmarks generate FILE --packets N [--seed S] [--pps R]");
                Console.Error.WriteLine("       NetGuard.Benchmarks bench [--filter PATTERN] [other BenchmarkDotNet options]");
                Console.Error.WriteLine("       NetGuard.Benchmarks stages FILE [--runs N] [--only TEXT] [--clock wall|cpu]");
                return 2;
        }
    }
}
