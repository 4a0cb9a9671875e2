using System.Globalization;
using System.Text.Json;

namespace NetGuard.Evaluation.Captures;

/// <summary>
/// <c>captures --truth FILE [--json]</c>: replays every capture a truth file lists with the real
/// netguard and reports, per event, detected / kind right / source proposed / others blocked / time
/// to detect (from the capture's first packet to the end of the second whose evidence raised the alert).
/// </summary>
internal static class CapturesCommand
{
    public const string Usage = "usage: captures --truth FILE [--json]   (captures are read from the truth file's folder)";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var truthIndex = Array.IndexOf(args, "--truth");
        if (truthIndex < 0 || truthIndex + 1 >= args.Length)
        {
            stderr.WriteLine(Usage);
            return 2;
        }

        var truthPath = args[truthIndex + 1];
        if (!File.Exists(truthPath))
        {
            stderr.WriteLine($"captures: {truthPath} not found");
            return 1;
        }

        var truth = TruthFile.Load(truthPath);
        var folder = Path.GetDirectoryName(Path.GetFullPath(truthPath))!;
        var outcomes = new List<EventOutcome>();
        foreach (var capture in truth.Captures)
        {
            stderr.WriteLine($"captures: replaying {capture.File}");
            var replay = ReplayOutput.Run(Path.Combine(folder, capture.File));
            outcomes.AddRange(capture.Events.Select(e => EventOutcome.Judge(capture.File, e, replay)));
        }

        Print(outcomes, stdout);
        if (args.Contains("--json"))
        {
            stdout.WriteLine(JsonSerializer.Serialize(new
            {
                events = outcomes.Count,
                passed = outcomes.Count(o => o.Passed),
                detected = outcomes.Count(o => !o.Event.IsBenign && o.Detected),
                kind_right = outcomes.Count(o => !o.Event.IsBenign && o.KindRight),
                sources_proposed = outcomes.Count(o => o.Event.ExpectsBlock && o.SourceProposed),
                expected_blocks = outcomes.Count(o => o.Event.ExpectsBlock),
                other_blocks = outcomes.Sum(o => o.OtherBlocks),
                max_seconds_to_detect = outcomes.Max(o => o.SecondsToDetect ?? 0),
            }));
        }

        return 0;
    }

    private static void Print(List<EventOutcome> outcomes, TextWriter stdout)
    {
        var inv = CultureInfo.InvariantCulture;
        stdout.WriteLine("| capture | expected | detected | kind | source proposed | other blocks | s to detect | result |");
        stdout.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var o in outcomes)
        {
            stdout.WriteLine(string.Create(inv,
                $"| {o.File} | {o.Event.Kind} {o.Event.Expect} | {YesNo(o.Detected)} | {YesNo(o.KindRight)} | {(o.Event.ExpectsBlock ? YesNo(o.SourceProposed) : "-")} | {o.OtherBlocks} | {(o.SecondsToDetect is { } d ? d.ToString("0.0", inv) : "-")} | {(o.Passed ? "pass" : "FAIL")} |"));
        }
    }

    private static string YesNo(bool value) => value ? "yes" : "no";
}
