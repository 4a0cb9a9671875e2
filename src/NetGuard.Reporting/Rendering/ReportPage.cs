using NetGuard.Core.Detection;
using NetGuard.Core.Remediation;

namespace NetGuard.Reporting.Rendering;

/// <summary>
/// The report as one HTML document: summary figures, the traffic timeline, a section per alerting
/// host, the alert and decision tables and the top talkers. Inline CSS and SVG only: no script, no
/// font, image or style sheet fetched, so it opens offline and reads without JavaScript.
/// </summary>
internal static partial class ReportPage
{
    private const int TimelineHeight = 190;

    public static void Write(TextWriter w, ReportContent c, ReportLimits limits)
    {
        var name = Path.GetFileName(c.Summary.Source);
        w.Write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        w.Write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        w.Write($"<title>NetGuard replay report: {Html.Escape(name)}</title>\n<style>\n{Styles.Css}\n</style>\n</head>\n<body>\n");
        w.Write($"<header>\n<h1>NetGuard replay report</h1>\n<p class=\"source\">{Html.Escape(c.Summary.Source)}</p>\n</header>\n");
        WriteSummary(w, c);
        WriteTimeline(w, c, limits);
        WriteHosts(w, c, limits);
        WriteAlerts(w, c);
        WriteDecisions(w, c);
        WriteTalkers(w, c);
        w.Write("<footer>Made by <code>netguard replay --report</code>. Times are packet times (UTC). Charts show one point per second, or per bucket of seconds (its smallest, mean and largest value) for long captures.</footer>\n");
        w.Write("</body>\n</html>\n");
    }

    private static void WriteSummary(TextWriter w, ReportContent c)
    {
        var s = c.Summary;
        var wall = s.Wall.TotalSeconds;
        var duration = s.FirstMicros is { } f && s.LastMicros is { } l ? (l - f) / 1e6 : 0;
        w.Write("<section id=\"summary\">\n<h2>Summary</h2>\n<dl class=\"figures\">\n");
        Figure(w, "packets", "Packets", $"{Units.Count(s.Packets)} ({Units.Si(s.Bytes, "B")})");
        Figure(w, "capture", "Capture time", s.FirstMicros is { } first && s.LastMicros is { } last
            ? $"{Units.TimeMicros(first)} to {Units.TimeMicros(last)} ({Units.Duration(duration)})"
            : "no packets");
        Figure(w, "replay", "Replayed in", $"{Units.Duration(wall)} ({Units.Si(wall > 0 ? s.Packets / wall : 0)} packets/s{(wall > 0 && duration > 0 ? $", {Units.Number(duration / wall)}× real time" : "")})");
        Figure(w, "drops", "Drops", $"kernel {Units.Count(s.KernelDropped)}, pipeline {Units.Count(s.PipelineDropped)}");
        Figure(w, "decode-errors", "Decode errors", Units.Count(s.DecodeErrors));
        Figure(w, "alerts", "Alerts", Units.Count(c.Alerts.Count + c.AlertsOmitted) + Kinds(c.Alerts));
        Figure(w, "decisions", "Decisions", Units.Count(c.Decisions.Count) + (c.DecisionsOmitted > 0 ? " and more not kept" : "") + States(c.Decisions));
        w.Write("</dl>\n");
        if (s.Error is not null)
        {
            w.Write($"<p class=\"error\">The capture stopped part-way: {Html.Escape(s.Error)}. Everything before the fault is reported.</p>\n");
        }

        w.Write("</section>\n");
    }

    private static void Figure(TextWriter w, string id, string term, string value) =>
        w.Write($"<dt>{term}</dt><dd data-figure=\"{id}\">{Html.Escape(value)}</dd>\n");

    private static string Kinds(IReadOnlyList<Anomaly> alerts) => alerts.Count == 0 ? ""
        : " (" + string.Join(", ", alerts.GroupBy(a => a.Kind).OrderBy(g => g.Key).Select(g => $"{g.Key.Name()} {g.Count()}")) + ")";

    private static string States(IReadOnlyList<Decision> decisions) => decisions.Count == 0 ? ""
        : " (" + string.Join(", ", decisions.GroupBy(d => d.State).OrderBy(g => g.Key).Select(g => $"{StateName(g.Key)} {g.Count()}")) + ")";

    public static string StateName(DecisionState state) => state == DecisionState.RolledBack ? "rolled-back" : state.ToString().ToLowerInvariant();

    private static void Legend(TextWriter w, params (string Swatch, string Label)[] items)
    {
        w.Write("<ul class=\"legend\">");
        foreach (var (swatch, label) in items)
        {
            w.Write($"<li><span class=\"swatch {swatch}\"></span>{Html.Escape(label)}</li>");
        }

        w.Write("</ul>\n");
    }

    private static long Second(Anomaly alert) => alert.TimeMicros / 1_000_000;

    private static long Second(Decision decision) => decision.CreatedAt.ToUnixTimeSeconds();
}
