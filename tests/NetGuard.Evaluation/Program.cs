using NetGuard.Evaluation.Nab;

namespace NetGuard.Evaluation;

/// <summary>
/// The evaluation harness. <c>nab [--data DIR] [--detector NAME] [--json]</c> runs registered
/// detectors over the Numenta Anomaly Benchmark and scores them as NAB does; <c>captures --truth FILE</c>
/// replays labelled captures with the real netguard and reports what it detected and proposed.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "nab":
                return NabCommand.Run(args[1..], Console.Out, Console.Error);
            case "captures":
                return Captures.CapturesCommand.Run(args[1..], Console.Out, Console.Error);
            default:
                Console.Error.WriteLine(NabCommandOptions.Usage);
                Console.Error.WriteLine(Captures.CapturesCommand.Usage);
                return 2;
        }
    }
}
