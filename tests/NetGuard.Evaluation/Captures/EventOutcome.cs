using System.Text.Json;

namespace NetGuard.Evaluation.Captures;

/// <summary>How one truth event went: detected, with the right kind, proposed for a block, what else was blocked, and how fast.</summary>
internal sealed record EventOutcome(
    string File,
    TruthEvent Event,
    bool Detected,
    bool KindRight,
    bool SourceProposed,
    int OtherBlocks,
    double? SecondsToDetect)
{
    /// <summary>The expected outcome, as the truth file states it.</summary>
    public bool Passed => Event switch
    {
        { IsBenign: true } => OtherBlocks == 0,
        { ExpectsBlock: true } => Detected && KindRight && SourceProposed && OtherBlocks == 0,
        { IsDistributed: true } => Detected && KindRight && OtherBlocks == 0,
        _ => Detected && KindRight,
    };

    public static EventOutcome Judge(string file, TruthEvent e, ReplayOutput replay)
    {
        var subject = e.IsDistributed ? e.Target : e.Source;
        var about = replay.Alerts.Where(a => Is(a, "subject", subject)).ToList();
        var right = about.Where(a => Is(a, "kind", e.Kind)).ToList();
        var proposed = replay.Decisions.Any(d => Is(d, "target", e.Source));
        var others = replay.Decisions.Count(d => !Is(d, "target", e.Source) || e.IsBenign);
        double? delay = right.Count > 0
            // An alert names the second whose evidence raised it; it is out once that second closes.
            ? (ReplayOutput.Time(right[0]).AddSeconds(1) - ReplayOutput.Time(replay.Summary, "first")).TotalSeconds
            : null;
        return new EventOutcome(file, e, e.IsBenign ? replay.Alerts.Count > 0 : about.Count > 0, right.Count > 0, proposed, others, delay);
    }

    private static bool Is(JsonElement e, string property, string value) =>
        e.TryGetProperty(property, out var p) && p.GetString() == value;
}
