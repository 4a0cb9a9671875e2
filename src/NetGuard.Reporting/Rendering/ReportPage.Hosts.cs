using System.Globalization;
using NetGuard.Core.Detection;

namespace NetGuard.Reporting.Rendering;

internal static partial class ReportPage
{
    private const int ValueHeight = 190;
    private const int ScoreHeight = 170;

    private static void WriteHosts(TextWriter w, ReportContent c, ReportLimits limits)
    {
        w.Write("<section id=\"hosts\">\n<h2>Hosts with alerts or decisions</h2>\n");
        if (c.Hosts.Count == 0 || c.Start is not { } start || c.End is not { } end)
        {
            w.Write("<p class=\"empty\">No host raised an alert.</p>\n</section>\n");
            return;
        }

        w.Write(string.Create(CultureInfo.InvariantCulture,
            $"<p class=\"note\">For each metric that fired: its value per second, the baseline detection judged it against with the band of ±{Units.Number(c.Settings.BandSigmas)}σ it finds normal, and the scores: σ above the baseline and the CUSUM of those σ. A host's seconds before its first alert are shown as far as the report kept them (the last {limits.HistorySeconds} s of recently active hosts).</p>\n"));
        if (c.AlertsNotCharted > 0)
        {
            w.Write($"<p class=\"note\">{Units.Count(c.AlertsNotCharted)} alerts about hosts beyond the first {limits.ChartedHosts} are in the table only.</p>\n");
        }

        var axis = SvgChart.TimeAxis(start, end);
        for (var i = 0; i < c.Hosts.Count; i++)
        {
            WriteHost(w, c, c.Hosts[i], i, axis, limits);
        }

        w.Write("</section>\n");
    }

    private static void WriteHost(TextWriter w, ReportContent c, HostChart host, int index, TimeAxis axis, ReportLimits limits)
    {
        var address = host.Host.ToString();
        w.Write($"<section class=\"host\" id=\"host-{index}\" data-host=\"{Html.Escape(address)}\">\n<h3>{Html.Escape(address)}</h3>\n");
        var kinds = host.Alerts.GroupBy(a => a.Kind).Select(g => $"{g.Key.Name()} ×{g.Count()} (first {Units.Time(Second(g.First()))})");
        var decisions = host.Decisions.Select(d => $"{d.Id} block {d.Target}: {StateName(d.State)}");
        w.Write($"<p>Alerts: {Html.Escape(string.Join("; ", kinds))}{(host.AlertsOmitted > 0 ? $" and {Units.Count(host.AlertsOmitted)} more" : "")}.");
        w.Write(host.Decisions.Count > 0 ? $" Decisions: {Html.Escape(string.Join("; ", decisions))}.</p>\n" : " No decision.</p>\n");
        if (host.Metrics.Count == 0)
        {
            w.Write("<p class=\"empty\">No series: the alerts name no metric detection follows.</p>\n");
        }

        foreach (var metric in host.Metrics)
        {
            WriteMetric(w, c, host, metric, axis, limits);
        }

        w.Write("</section>\n");
    }

    private static void WriteMetric(TextWriter w, ReportContent c, HostChart host, MetricChart m, TimeAxis axis, ReportLimits limits)
    {
        var (title, unit) = MetricLabels.Describe(m.Name);
        var points = limits.ChartPoints;
        var value = Downsampler.MinMax(m.Value, points);
        var baseline = Downsampler.MinMax(m.Baseline, points);
        var low = Downsampler.MinMax(m.BandLow, points);
        var high = Downsampler.MinMax(m.BandHigh, points);
        var largest = Math.Max(value.Count == 0 ? 0 : value.Max(p => p.Max), high.Count == 0 ? 0 : high.Max(p => p.Max));
        var labels = unit == "bytes/s" ? (Func<double, string>)(v => Units.Si(v, "B")) : v => Units.Si(v);
        var chart = new SvgChart(axis, new LinearAxis(largest, SvgChart.PlotBottom(ValueHeight), SvgChart.PlotTop, labels), ValueHeight, unit, $"{host.Host} {m.Name}: {title} per second with its baseline band");
        chart.Area(low, p => p.Min, high, p => p.Max, "band");
        chart.Line(baseline, p => p.Mean, "line baseline");
        chart.Area(value, p => p.Min, value, p => p.Max, "envelope value");
        chart.Line(value, p => p.Mean, "line value");
        MarkEvents(chart, host.Alerts, host.Decisions);
        foreach (var a in host.Alerts.Where(a => a.Metric == m.Name))
        {
            chart.Dot(Second(a), a.Value, "alert-point", $"{Units.Time(Second(a))} {a.Kind.Name()}: {Units.Number(a.Value)} {unit}, baseline {Units.Number(a.Baseline)}, score {Units.Number(a.Score)}",
                [("kind", a.Kind.Name()), ("subject", a.Subject.ToString()), ("value", Units.Number(a.Value))]);
        }

        w.Write($"<figure class=\"metric\" data-metric=\"{Html.Escape(m.Name)}\">\n<figcaption>{Html.Escape(title)} <code>{Html.Escape(m.Name)}</code></figcaption>\n");
        w.Write(chart.Render());
        Legend(w, ("value", unit), ("band", $"baseline ±{Units.Number(c.Settings.BandSigmas)}σ"), ("baseline", "baseline"), ("alert", "alert"), ("decision", "decision"));
        w.Write(ScoreChart(c, host, m, axis, points));
        Legend(w, ("score", "score: σ above baseline (log scale)"), ("cusum", "CUSUM"), ("threshold", "thresholds"));
        w.Write("</figure>\n");
    }

    private static string ScoreChart(ReportContent c, HostChart host, MetricChart m, TimeAxis axis, int points)
    {
        var s = c.Settings;
        var score = Downsampler.MinMax(m.Score, points);
        var cusum = Downsampler.MinMax(m.Cusum, points);
        var largest = new[] { score.Count == 0 ? 0 : score.Max(p => p.Max), cusum.Count == 0 ? 0 : cusum.Max(p => p.Max), s.SpikeScore, s.CusumThreshold }.Max();
        var chart = new SvgChart(axis, new Log1pAxis(largest, SvgChart.PlotBottom(ScoreHeight), SvgChart.PlotTop), ScoreHeight, "score (σ)", $"{host.Host} {m.Name}: detector scores");
        chart.Reference(s.BandSigmas, $"unusual {Units.Number(s.BandSigmas)}σ", "threshold", labelAt: 0.6);
        chart.Reference(s.SpikeScore, $"spike {Units.Number(s.SpikeScore)}σ", "threshold");
        chart.Reference(s.CusumThreshold, $"CUSUM {Units.Number(s.CusumThreshold)}", "threshold", labelAt: 0.8);
        chart.Line(cusum, p => p.Max, "line cusum");
        chart.Line(score, p => p.Max, "line score");
        var alerts = host.Alerts.Where(a => a.Metric == m.Name).ToList();
        MarkEvents(chart, alerts, host.Decisions);
        foreach (var a in alerts)
        {
            chart.Dot(Second(a), a.Score, "alert-point", $"{Units.Time(Second(a))} {a.Kind.Name()}: score {Units.Number(a.Score)} ({a.Detector})",
                [("kind", a.Kind.Name()), ("subject", a.Subject.ToString()), ("score", Units.Number(a.Score))]);
        }

        return chart.Render();
    }
}
