using NetGuard.Core.Detection;

namespace NetGuard.Reporting.Rendering;

internal static partial class ReportPage
{
    private static void WriteTimeline(TextWriter w, ReportContent c, ReportLimits limits)
    {
        w.Write("<section id=\"timeline\">\n<h2>Traffic</h2>\n");
        if (c.Start is not { } start || c.End is not { } end)
        {
            w.Write("<p class=\"empty\">No packets were read: nothing to chart.</p>\n</section>\n");
            return;
        }

        var axis = SvgChart.TimeAxis(start, end);
        RateChart(w, c, axis, Downsampler.MinMax(c.PacketRate, limits.ChartPoints), "packets", "packets/s", "Packets per second", v => Units.Si(v));
        RateChart(w, c, axis, Downsampler.MinMax(c.ByteRate, limits.ChartPoints), "bytes", "bytes/s", "Bytes per second", v => Units.Si(v, "B"));
        Legend(w, ("packets", "packets/s"), ("bytes", "bytes/s"), ("envelope", "smallest to largest second in a bucket"), ("alert", "alert"), ("decision", "decision"));
        if (c.AlertsOmitted > 0)
        {
            w.Write($"<p class=\"note\">{Units.Count(c.AlertsOmitted)} later alerts are counted but not marked.</p>\n");
        }

        w.Write("</section>\n");
    }

    private static void RateChart(TextWriter w, ReportContent c, TimeAxis axis, IReadOnlyList<SeriesPoint> rate, string css, string unit, string title, Func<double, string> label)
    {
        var largest = rate.Count == 0 ? 0 : rate.Max(p => p.Max);
        var y = new LinearAxis(largest, SvgChart.PlotBottom(TimelineHeight), SvgChart.PlotTop, label);
        var chart = new SvgChart(axis, y, TimelineHeight, unit, $"{title} of the whole capture");
        chart.Area(rate, p => p.Min, rate, p => p.Max, "envelope " + css);
        chart.Line(rate, p => p.Mean, "line " + css);
        MarkEvents(chart, c.Alerts, c.Decisions);
        w.Write($"<figure class=\"rate\" data-series=\"{css}\">\n<figcaption>{title}</figcaption>\n");
        w.Write(chart.Render());
        w.Write("</figure>\n");
    }

    /// <summary>A marker per alert and per decision at the second it happened; alerts drawn last, on top (a decision keeps its flag).</summary>
    private static void MarkEvents(SvgChart chart, IEnumerable<Anomaly> alerts, IEnumerable<Core.Remediation.Decision> decisions)
    {
        foreach (var d in decisions)
        {
            chart.Marker(Second(d), "marker decision", $"{Units.Time(Second(d))} decision {d.Id}: block {d.Target} ({StateName(d.State)})",
                [("decision", d.Id), ("state", StateName(d.State))], flag: true);
        }

        foreach (var a in alerts)
        {
            chart.Marker(Second(a), "marker alert", $"{Units.Time(Second(a))} {a.Kind.Name()} {a.Subject} ({a.Metric} {Units.Number(a.Value)}, score {Units.Number(a.Score)})",
                [("kind", a.Kind.Name()), ("subject", a.Subject.ToString())]);
        }
    }
}
