using NetGuard.Evaluation.Nab;

namespace NetGuard.Evaluation;

/// <summary>
/// The evaluation harness. <c>nab [--data DIR] [--detector NAME] [--json]</c> runs registered
/// detectors over the Numenta Anomaly Benchmark and scores them as NAB does.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "nab":
                return NabCommand.Run(args[1..], Console.Out, Console.Error);
            default:
                Console.Error.WriteLine(NabCommandOptions.Usage);
                return 2;
        }
    }
}
